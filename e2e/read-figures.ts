import { expect, type Page } from "@playwright/test";

/** "46.7%" → 46.7; fails the test on anything else (a dash means the figure is missing). */
export async function readPercent(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).innerText()).trim();
  expect(text, `${testId} shows a percentage with one decimal`).toMatch(/^\d{1,3}\.\d%$/);
  const value = Number.parseFloat(text);
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(100);
  return value;
}

/** "1,234" → 1234. */
export async function readCount(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).innerText()).trim();
  expect(text, `${testId} shows a whole number`).toMatch(/^\d{1,3}(,\d{3})*$/);
  return Number(text.replaceAll(",", ""));
}

/** "$1,234.56" → 1234.56. */
export async function readUsd(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).innerText()).trim();
  expect(text, `${testId} shows US dollars with cents`).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
  return Number(text.replace(/[$,]/g, ""));
}
