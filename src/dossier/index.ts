export { buildDossier, DossierError } from './dossier';
export { renderDossierHtml } from './html';
export type { Dossier, DossierFinding, DossierRequest, DossierSection } from './types';
