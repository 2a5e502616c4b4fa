import { entityOfNodeId } from '../../src/graph/types';
import { AddToCaseButton } from './AddToCase';

/**
 * The canvas's "add the selected nodes to a case" (issue 14): node ids become case entities with
 * their kinds (`lic:` → licence, `home:` → foster home, `addr:` → address).
 */
export function AddSelectionToCase({ selected }: { selected: ReadonlySet<string> }) {
  const entities = [...selected].map(entityOfNodeId);
  return <AddToCaseButton items={{ entities, hitKeys: [] }} label={entities.length > 1 ? `Lägg ${entities.length} markerade i ärende …` : 'Lägg markerad i ärende …'} />;
}
