import { runAnalysis } from '../analysis/run';
import { listAudit, verifyAudit } from '../audit/log';
import { addCaseNote, caseMemberships, changeCaseItems, createCase, getCase, listCases, saveCaseView, updateCase } from '../cases/cases';
import { buildDossier } from '../cases/dossier';
import { hitStatusHistory, setHitStatus } from '../cases/triage';
import { egoNetwork, graphExpand, inducedGraph } from '../graph/ego';
import { shortestPath } from '../graph/path';
import { importPath } from '../import/importer';
import { previewPath } from '../import/preview';
import { getEntity } from '../store/entities';

/**
 * The core functions the API calls (the agreed cross-module interfaces of the team brief), in
 * one table. While the modules were being written in parallel these were looked up lazily; they
 * are static imports now so bundlers (the Electron build) include them.
 */
const CORE = {
  importPath, previewPath, runAnalysis, egoNetwork, graphExpand, inducedGraph, shortestPath, getEntity, setHitStatus, hitStatusHistory,
  listAudit, verifyAudit, listCases, getCase, createCase, updateCase, addCaseNote, saveCaseView, buildDossier,
  changeCaseItems, caseMemberships,
};

export type CoreFns = typeof CORE;

export async function core<K extends keyof CoreFns>(name: K): Promise<CoreFns[K]> {
  return CORE[name];
}
