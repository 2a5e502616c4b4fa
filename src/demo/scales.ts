/** Sizes of each scale. Planted cases are the same in all of them. */
export type Scale = 'demo' | 'municipality' | 'national';
export const SCALES: readonly Scale[] = ['demo', 'municipality', 'national'];

export interface ScaleParams {
  companies: number;
  persons: number;
  /** Every `licensedStride`-th company (an even number) is a welfare company with licences. */
  licensedStride: number;
  /** Employees per licensed company reserved in the person index space. */
  employeesPerLicensed: number;
  fosterHomes: number;
  /** Share of persons with no roles or employment (carriers of background sanctions and debts). */
  plainShare: number;
  /** Rows per file written deliberately broken when dirty. */
  badRowsPerFile: number;
  dirtyByDefault: boolean;
}

export const SCALE_PARAMS: Record<Scale, ScaleParams> = {
  demo: { companies: 2_000, persons: 4_500, licensedStride: 6, employeesPerLicensed: 5, fosterHomes: 60, plainShare: 0.1, badRowsPerFile: 2, dirtyByDefault: true },
  municipality: { companies: 30_000, persons: 40_000, licensedStride: 20, employeesPerLicensed: 7, fosterHomes: 600, plainShare: 0.1, badRowsPerFile: 6, dirtyByDefault: true },
  national: { companies: 1_200_000, persons: 1_000_000, licensedStride: 76, employeesPerLicensed: 8, fosterHomes: 8_000, plainShare: 0.1, badRowsPerFile: 25, dirtyByDefault: false },
};
