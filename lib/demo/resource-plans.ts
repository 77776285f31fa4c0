import type { StorageService, Tags } from "@/lib/domain/records";
import { CLASSIFICATIONS, regionWeights } from "./catalog";
import {
  crossAccountEncryption, customerEncryption, nonCustomerEncryption, pickCustomerKey, unresolvableEncryption, weakEncryption,
  type AccountRegionKeys,
} from "./encryption";
import type { EncryptionState, KeyPlan } from "./model";
import type { DemoAccount, DemoBusinessUnit, DemoOrganization } from "./org";
import type { ResourcePlan } from "./resource-history";
import { Rng } from "./random";

const GIB = 1_073_741_824n;
const EBS_GIB: [number, number][] = [[8, 3], [20, 3], [30, 2], [50, 2], [100, 3], [200, 2], [500, 2], [1000, 1], [2000, 0.5], [4000, 0.2]];
const RDS_GIB: [number, number][] = [[20, 2], [50, 2], [100, 3], [200, 3], [500, 2], [1000, 1], [2000, 0.5], [4000, 0.3]];
const BUCKET_PURPOSES = ["assets", "exports", "logs", "backups", "uploads", "reports", "artifacts", "raw", "curated"];

interface Draft {
  service: StorageService;
  region: string;
  unit: DemoBusinessUnit;
  app: string;
  classification: string;
  createdIdx: number;
  deletedIdx: number | null;
}

export class AccountResourcePlanner {
  private readonly rng: Rng;
  /** Its own stream, so the buckets it moves to another account's key leave every other draw as it was. */
  private readonly crossAccountRng: Rng;
  private counter = 0;
  readonly plans: ResourcePlan[] = [];

  constructor(
    private readonly org: DemoOrganization,
    private readonly account: DemoAccount,
    private readonly keysByRegion: Map<string, AccountRegionKeys>,
  ) {
    this.rng = new Rng(org.options.seed, "resources", account.record.accountId);
    this.crossAccountRng = new Rng(org.options.seed, "cross-account-buckets", account.record.accountId);
  }

  private coverageOn(unit: DemoBusinessUnit, day: number): number {
    const { startIdx, endIdx } = this.org;
    const t = Math.min(1, Math.max(0, (day - startIdx) / Math.max(1, endIdx - startIdx)));
    return unit.coverageStart + (unit.coverageEnd - unit.coverageStart) * t;
  }

  private tags(draft: Draft, complete = false): Tags {
    const unit = draft.unit as DemoBusinessUnit;
    const roll = complete ? 1 : this.rng.float();
    if (roll < 0.05) return {}; // never tagged: shows up as "(untagged)"
    const tags: Tags = {
      "business-unit": unit.name, env: this.account.env, "data-classification": draft.classification,
      app: draft.app, owner: unit.owner, "cost-center": unit.costCenter,
    };
    if (roll < 0.13) delete tags[this.rng.pick(["owner", "cost-center", "data-classification"])];
    return tags;
  }

  private identity(draft: Draft, replacing?: ResourcePlan): Pick<ResourcePlan, "resourceArn" | "name"> {
    const { accountId } = this.account.record;
    const n = ++this.counter;
    switch (draft.service) {
      case "S3": {
        const name = `${draft.app}-${this.rng.pick(BUCKET_PURPOSES)}-${this.account.env}-${accountId}-${n}`;
        return { resourceArn: `arn:aws:s3:::${name}`, name };
      }
      case "EBS": {
        const name = `vol-0${this.rng.hex(16)}`;
        return { resourceArn: `arn:aws:ec2:${draft.region}:${accountId}:volume/${name}`, name };
      }
      case "RDS":
      case "AURORA": {
        const kind = draft.service === "RDS" ? "db" : "cluster";
        const name = replacing ? `${replacing.name}-enc` : `${draft.app}-${this.account.env}-${draft.service === "RDS" ? "db" : "aurora"}-${n}`;
        return { resourceArn: `arn:aws:rds:${draft.region}:${accountId}:${kind}:${name}`, name };
      }
    }
  }

  private size(service: StorageService): bigint | null {
    // S3 sizes are not in the inventory APIs; an Aurora cluster reports no meaningful allocated size.
    if (service === "S3" || service === "AURORA") return null;
    return BigInt(this.rng.weighted(service === "EBS" ? EBS_GIB : RDS_GIB)) * GIB;
  }

  private keysIn(region: string): AccountRegionKeys {
    return this.keysByRegion.get(region) ?? { awsManaged: {}, usable: [] };
  }

  private encryption(draft: Draft, day: number, wantCustomer: boolean): EncryptionState {
    const state = this.ownAccountEncryption(draft, day, wantCustomer);
    // About 1% of buckets use the shared-services account's key, by alias ARN.
    if (draft.service === "S3" && this.crossAccountRng.chance(0.01)) return crossAccountEncryption(this.account.record.accountId, draft.region);
    return state;
  }

  private ownAccountEncryption(draft: Draft, day: number, wantCustomer: boolean): EncryptionState {
    const keys = this.keysIn(draft.region);
    if (wantCustomer) {
      const key = pickCustomerKey(this.rng, keys, draft.unit.name, draft.app, day);
      if (key) return customerEncryption(this.rng, draft.service, key, this.rng.chance(0.65));
    }
    if (draft.service === "S3" && this.rng.chance(0.005)) return unresolvableEncryption(draft.app);
    return nonCustomerEncryption(this.rng, draft.service, keys);
  }

  private push(draft: Draft, segments: ResourcePlan["segments"], replacing?: ResourcePlan, completeTags = false): ResourcePlan {
    const plan: ResourcePlan = {
      ...this.identity(draft, replacing),
      accountId: this.account.record.accountId,
      region: draft.region,
      service: draft.service,
      sizeBytes: replacing ? replacing.sizeBytes : this.size(draft.service),
      tags: replacing ? replacing.tags : this.tags(draft, completeTags),
      createdIdx: draft.createdIdx,
      deletedIdx: draft.deletedIdx,
      segments,
    };
    this.plans.push(plan);
    return plan;
  }

  draft(lifecycle: "existing" | "new" | "deleted"): Draft {
    const { rng, org, account } = this;
    const unit = account.primaryBu && rng.chance(0.85) ? org.businessUnits.find((b) => b.name === account.primaryBu)! : rng.pick(org.businessUnits);
    const sensitive = unit.name === "payments" || unit.name === "identity";
    const service = rng.weighted<StorageService>([["S3", 0.35], ["EBS", 0.5], ["RDS", 0.1], ["AURORA", 0.05]]);
    const pastIdx = Math.max(account.createdIdx + 1, org.startIdx - rng.int(1, 1500));
    return {
      service,
      region: rng.weighted(regionWeights(org.options.regions)),
      unit,
      app: rng.pick(unit.apps),
      classification: rng.weighted(CLASSIFICATIONS.map(([c, w]) => [c, sensitive && c === "restricted" ? w * 2.5 : w] as [string, number])),
      createdIdx: lifecycle === "new" ? rng.int(org.startIdx + 1, org.endIdx) : pastIdx,
      deletedIdx: lifecycle === "deleted" ? rng.int(org.startIdx + 1, org.endIdx) : null,
    };
  }

  /** One resource and, when its owners move it to a CMK, its history (or its replacement). */
  add(draft: Draft): void {
    const { rng, org } = this;
    const requiresCmk = this.account.env === "prod" && (draft.classification === "confidential" || draft.classification === "restricted");
    const bias = requiresCmk ? 0.12 : -0.12;
    const firstDay = Math.max(draft.createdIdx, org.startIdx);
    const customerAtStart = rng.chance(Math.min(0.98, Math.max(0.02, this.coverageOn(draft.unit, firstDay) + bias)));
    const initial = this.encryption(draft, firstDay, customerAtStart);
    const { coverageStart: c0, coverageEnd: c1, trend } = draft.unit;
    const lastDay = draft.deletedIdx === null ? org.endIdx : draft.deletedIdx - 1;
    const existedAtStart = draft.createdIdx < org.startIdx;

    // Resources that existed on day one carry the business unit's trend; new ones follow coverageOn.
    let changeDay: number | null = null;
    let toCustomer = false;
    if (existedAtStart && initial.encryptionClass !== "CUSTOMER_KMS" && c1 > c0 && rng.chance((c1 - c0) / (1 - c0))) {
      const earliest = org.startIdx + (trend === "fast" ? Math.floor(org.options.days * 0.15) : 1);
      changeDay = rng.int(earliest, Math.max(earliest, org.endIdx - 3));
      toCustomer = true;
    } else if (existedAtStart && trend === "regressing" && draft.service === "S3" && initial.encryptionClass === "CUSTOMER_KMS" && rng.chance(0.08)) {
      changeDay = rng.int(org.startIdx + 1, org.endIdx);
    }
    if (changeDay === null || changeDay > lastDay) {
      this.push(draft, [{ from: firstDay, encryption: initial }]);
      return;
    }
    const next = toCustomer ? this.encryption(draft, changeDay, true) : weakEncryption("S3");
    if (next.encryptionClass === initial.encryptionClass) {
      this.push(draft, [{ from: firstDay, encryption: initial }]);
    } else if (draft.service === "S3") {
      // A bucket's default encryption is a setting: changed in place.
      this.push(draft, [{ from: firstDay, encryption: initial }, { from: changeDay, encryption: next }]);
    } else {
      // A volume or database cannot be re-keyed: it is copied into an encrypted one, the old one deleted.
      const old = this.push({ ...draft, deletedIdx: changeDay }, [{ from: firstDay, encryption: initial }]);
      this.push({ ...draft, createdIdx: changeDay }, [{ from: changeDay, encryption: next }], old);
    }
  }

  /** A resource that must use one specific key (busy bucket, database on the doomed key, shared key users). */
  addFixed(service: StorageService, key: KeyPlan, unitName: string, classification: string, bucketKey: boolean): void {
    const unit = this.org.businessUnits.find((b) => b.name === unitName) ?? this.org.businessUnits[0]!;
    const draft: Draft = {
      service, region: key.region, unit, app: key.app || this.rng.pick(unit.apps), classification,
      createdIdx: Math.max(key.createdIdx, this.org.startIdx - this.rng.int(30, 400)), deletedIdx: null,
    };
    const encryption = customerEncryption(this.rng, service, key, bucketKey);
    this.push(draft, [{ from: Math.max(draft.createdIdx, this.org.startIdx), encryption }], undefined, true);
  }
}
