// How the command-line tools end: the exit code main() returns; 2 for invalid input or
// configuration (commander has printed the problem or the help already), 1 for any other failure.
import { CommanderError } from "commander";
import { ConfigError } from "@/lib/config/env";

type ErrorClass = abstract new (...args: never[]) => Error;

export function runCli(name: string, main: () => Promise<number>, inputErrors: readonly ErrorClass[] = []): void {
  main()
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
      const inputProblem = error instanceof ConfigError || inputErrors.some((kind) => error instanceof kind);
      process.stderr.write(`[${name}] ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(inputProblem ? 2 : 1);
    });
}
