import '../funding/editable-tables';
import '../funding/summary';
import type { HandlerMap } from '../context';
import { historyState } from '../edits/history';
import { listSources, removeSource } from '../funding/sources';
import {
  loadAllocation,
  loadModelSites,
  loadProjects,
  loadRecognitionTargets,
  loadRecurrentCells,
  loadRecurrentContents,
  loadResourceEntries,
  loadTargetIndicators,
  planCommunes,
  planScope,
  planVillages,
} from '../funding/tables';
import { listUnits } from '../repo/units';

export const fundingHandlers = {
  'funding.sources': (_args, ctx) => listSources(ctx.doc().db),
  'funding.removeSource': ({ id }, ctx) => {
    const db = ctx.doc().db;
    const { stepId } = removeSource(db, id);
    const state = historyState(db);
    return { stepId, canUndo: state.canUndo, canRedo: state.canRedo };
  },
  'funding.resources': ({ planId, year }, ctx) => {
    const db = ctx.doc().db;
    const scope = planScope(db, planId, year);
    return { ...scope, sources: listSources(db), entries: loadResourceEntries(db, planId, scope.year) };
  },
  'funding.projects': ({ planId, year }, ctx) => {
    const db = ctx.doc().db;
    const scope = planScope(db, planId, year);
    return {
      ...scope,
      sources: listSources(db),
      // Projects may sit in any current commune, not only those of a commune plan.
      communes: listUnits(db, 'commune'),
      projects: loadProjects(db, planId, scope.year),
      entries: loadResourceEntries(db, planId, scope.year),
    };
  },
  'funding.allocation': ({ planId, year }, ctx) => {
    const db = ctx.doc().db;
    const scope = planScope(db, planId, year);
    return { ...scope, sources: listSources(db), communes: planCommunes(db, scope.plan), cells: loadAllocation(db, planId, scope.year) };
  },
  'funding.recurrent': ({ planId }, ctx) => {
    const db = ctx.doc().db;
    const scope = planScope(db, planId);
    return {
      ...scope,
      sources: listSources(db),
      entries: loadResourceEntries(db, planId, scope.year),
      communes: planCommunes(db, scope.plan),
      contents: loadRecurrentContents(db, planId),
      cells: loadRecurrentCells(db, planId),
    };
  },
  'funding.targets': ({ planId }, ctx) => {
    const db = ctx.doc().db;
    const scope = planScope(db, planId);
    const communes = planCommunes(db, scope.plan);
    return { ...scope, communes, villages: planVillages(db, communes), indicators: loadTargetIndicators(db, planId), recognition: loadRecognitionTargets(db, planId) };
  },
  'funding.modelSites': ({ planId }, ctx) => {
    const db = ctx.doc().db;
    const scope = planScope(db, planId);
    const communes = planCommunes(db, scope.plan);
    return { ...scope, communes, villages: planVillages(db, communes), sites: loadModelSites(db, planId) };
  },
} satisfies Partial<HandlerMap>;
