// Colours and sizes of the canvas: by kind, and by score (red from 0.50).

export const KIND_COLORS: Record<string, string> = {
  company: '#1971c2',
  person: '#7048e8',
  licence: '#2b8a3e',
  foster_home: '#e67700',
  address: '#868e96',
};
export const EDGE_COLORS: Record<string, string> = {
  role: '#74c0fc',
  employment: '#b197fc',
  licence: '#8ce99a',
  placement: '#ffc078',
  foster_parent: '#ffc078',
  consultant: '#ffc078',
  relation: '#f783ac',
  residence: '#ced4da',
  address: '#ced4da',
  payment: '#ffd43b',
};
export const RISK_COLOR = '#c92a2a';
export const RISK_THRESHOLD = 0.5;

export function nodeColor(kind: string, score: number): string {
  if (score >= RISK_THRESHOLD) return RISK_COLOR;
  return KIND_COLORS[kind] ?? '#495057';
}

export function nodeSize(score: number): number {
  return 5 + Math.round(Math.min(1, Math.max(0, score)) * 12);
}
