import { Type } from 'typebox';
import {
  AlertPageView,
  AlertQuery,
  AlertView,
  AssessBody,
  CloseBody,
  EvaluateBody,
  EvaluationView,
  WarningBody,
} from '../../api/alerts.js';
import { Paging, Uuid } from '../../api/common.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { acknowledgeAlert, assessAlert, closeAlert, publishWarning } from './handle.js';
import { evaluateForActor } from './run.js';
import { listAlerts, readAlert } from './view.js';

const tags = ['alerts'];
const IdParams = Type.Object({ id: Uuid });

/**
 * Multi-point triggers (MON-4): trigger rules from the packs evaluated over the signal feeds, alerts
 * acknowledged, assessed and closed. Registered in workflow order (evaluate, list, read, acknowledge,
 * assess, publish, close), the order the route-coverage tests walk them in.
 */
export function alertRoutes(api: TypedApp, ctx: AppContext) {
  api.post(
    '/alerts/evaluate',
    {
      config: { permission: 'alert.handle' },
      schema: {
        tags,
        summary:
          'Evaluate the trigger rules of the pack in force over your jurisdiction now (多点触发); the server also does so as feeds change and hourly',
        body: EvaluateBody,
        response: { 200: EvaluationView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => evaluateForActor(ctx, tx, actor, request.body.feed));
    },
  );

  api.get(
    '/alerts',
    {
      config: { permission: 'alert.read' },
      schema: {
        tags,
        summary: 'Alerts in your jurisdiction: open first (raised, acknowledged, assessed), newest first',
        querystring: Type.Object(
          { ...AlertQuery.properties, ...Paging.properties },
          { additionalProperties: false },
        ),
        response: { 200: AlertPageView },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const actor = actorOf(request);
      const result = await withScope(ctx.db, actor, (tx) => listAlerts(tx, actor, filter, page, pageSize));
      return { ...result, page, pageSize };
    },
  );

  api.get(
    '/alerts/:id',
    {
      config: { permission: 'alert.read' },
      schema: {
        tags,
        summary: 'One alert with its evidence (window value, baseline, ratio, daily series) and handling',
        params: IdParams,
        response: { 200: AlertView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => readAlert(tx, actor, request.params.id));
    },
  );

  api.post(
    '/alerts/:id/acknowledge',
    {
      config: { permission: 'alert.handle' },
      schema: { tags, summary: 'Acknowledge a raised alert', params: IdParams, response: { 200: AlertView } },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => acknowledgeAlert(ctx, tx, actor, request.params.id));
    },
  );

  api.post(
    '/alerts/:id/assessment',
    {
      config: { permission: 'alert.handle' },
      schema: {
        tags,
        summary: 'Record the risk assessment (风险评估): level, findings, measures recommended',
        params: IdParams,
        body: AssessBody,
        response: { 200: AlertView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => assessAlert(ctx, tx, actor, request.params.id, request.body));
    },
  );

  api.post(
    '/alerts/:id/warning',
    {
      config: { permission: 'alert.handle' },
      schema: {
        tags,
        summary: 'Publish a warning (预警发布) after the assessment: text, level, audience, jurisdiction',
        params: IdParams,
        body: WarningBody,
        response: { 200: AlertView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        publishWarning(ctx, tx, actor, request.params.id, request.body),
      );
    },
  );

  api.post(
    '/alerts/:id/close',
    {
      config: { permission: 'alert.handle' },
      schema: {
        tags,
        summary: 'Close an alert: excluded (排除) or handled (已处置, after the assessment), with a note',
        params: IdParams,
        body: CloseBody,
        response: { 200: AlertView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => closeAlert(ctx, tx, actor, request.params.id, request.body));
    },
  );
}
