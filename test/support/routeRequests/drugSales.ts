import { clientSaleRowId } from '../../../src/modules/drugSales/index.js';
import { multipartFile } from '../multipart.js';
import type { Build, World } from '../routeRequests.js';
import { PERSON_A, VILLAGE_A } from '../world.js';

/** Client-given id of county A's pharmacy, registered by the first request below. */
const OUTLET_A = '0d5a1e50-0000-4000-8000-00000000000a';
const SALE_A = 'route-walk-sale-1';

/** One well-formed request per route of the drugSales module, aimed at the first county's data (see seedWorld). */
export function drugSalesRequests(_world: World): Record<string, Build> {
  return {
    'GET /api/drug-outlets': () => ({ url: '/api/drug-outlets' }),
    'POST /api/drug-outlets': () => ({
      url: '/api/drug-outlets',
      payload: { id: OUTLET_A, name: '惠民大药房', kind: 'pharmacy', jurisdictionCode: VILLAGE_A },
    }),
    'POST /api/drug-sales': () => ({
      url: '/api/drug-sales',
      payload: { outletId: OUTLET_A, saleId: SALE_A, idNumber: PERSON_A.idNumber, classes: ['antipyretic'] },
    }),
    'POST /api/drug-sales/batch': () => ({
      url: '/api/drug-sales/batch',
      payload: {
        outletId: OUTLET_A,
        sales: [{ saleId: 'route-walk-sale-2', idNumber: PERSON_A.idNumber, classes: ['止咳'] }],
      },
    }),
    'POST /api/drug-sales/import': () => ({
      url: `/api/drug-sales/import?outletId=${OUTLET_A}`,
      ...multipartFile('file', 'sales.csv', `身份证号,药品类别\n${PERSON_A.idNumber},抗病毒\n`),
    }),
    'GET /api/drug-sales/counter': () => ({ url: `/api/drug-sales/counter?outletId=${OUTLET_A}` }),
    'GET /api/drug-sales': () => ({ url: '/api/drug-sales?state=all' }),
    'POST /api/drug-sales/follow-ups': () => ({
      url: '/api/drug-sales/follow-ups',
      payload: {
        saleIds: [clientSaleRowId(OUTLET_A, 'route-walk-sale-2')],
        contacted: true,
        outcome: 'no_symptoms',
      },
    }),
    'POST /api/drug-sales/:id/unmask': () => ({
      url: `/api/drug-sales/${clientSaleRowId(OUTLET_A, SALE_A)}/unmask`,
      payload: { reason: '回访购药人员核实身份' },
    }),
  };
}
