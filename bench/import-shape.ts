/** The import rows' file: 500 accounts × 40 count metrics × 50 months = 1,000,000 long-format rows. */
export const IMPORT_SHAPE = { accounts: 500, metrics: 40, months: 50 } as const;
