import { Type } from 'typebox';
import { AreaImportReportView } from '../../api/riskAreas.js';
import { contentDisposition, uploadBody, withUpload, XLSX_TYPE } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { importAreas } from './import/importAreas.js';
import { riskAreaTemplate } from './import/template.js';

const tags = ['risk areas'];

export function riskAreaImportRoutes(api: TypedApp, ctx: AppContext) {
  api.post(
    '/risk-areas/import',
    {
      config: { permission: 'risk_area.write' },
      // The body is a multipart stream the handler reads as it arrives; the schema documents it.
      validatorCompiler: () => () => true,
      schema: {
        tags,
        summary:
          'Import published risk areas (.csv or .xlsx, Chinese headers); every rejected row is reported',
        description:
          'Headers 风险等级 (高/中/低/重点关注), 区划代码, 地区名称, 发布时间, 解除时间, 发布机构 (see the template). ' +
          'Accepted rows are committed together; importing the same file again changes nothing; a row with ' +
          '解除时间 lifts an area imported before. Times without an offset are Beijing time.',
        consumes: ['multipart/form-data'],
        body: uploadBody,
        response: { 200: AreaImportReportView },
      },
    },
    async (request) => {
      return withUpload(request, async ({ file, format, fileName }) => {
        return await importAreas(ctx, actorOf(request), file, format, fileName);
      });
    },
  );

  api.get(
    '/risk-areas/template',
    {
      config: { permission: 'risk_area.write' },
      schema: {
        tags,
        summary: 'The import template: header row, example rows and a 填写说明 sheet',
        response: {
          200: {
            description: 'The template workbook',
            content: { [XLSX_TYPE]: { schema: Type.Unsafe<Buffer>(Type.String({ format: 'binary' })) } },
          },
        },
      },
    },
    async (_request, reply) =>
      reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('risk-areas-template.xlsx', '风险地区导入模板.xlsx'),
        )
        .send(await riskAreaTemplate()),
  );
}
