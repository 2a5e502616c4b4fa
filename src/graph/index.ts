export * from './types';
export { buildGraph, toPayload, welfareSeeds, WELFARE_HOPS, ADDRESS_FANOUT, type InsynGraph, type BuildOptions } from './build';
export { viewAsOf } from './view';
export { egoNetwork, graphExpand, inducedGraph, type EgoOptions } from './ego';
export { shortestPath, type PathOptions } from './path';
export { resolveNodeId } from './store-source';
