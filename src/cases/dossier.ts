/** The dossier lives in src/dossier/; re-exported here where the API service looks for it. */
export { buildDossier, DossierError } from '../dossier/index';
