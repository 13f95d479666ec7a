/** The contract's 企业画像 calls. */
import { AppError } from '../../../shared/errors';
import { bankProducts } from '../catalog';
import { getCaseDetail } from '../cases/detail';
import { needDb, writer, type HandlerContext } from '../handler-context';
import type { Handlers } from '../rpc/dispatch';
import { bankPackageZip } from './bank-package';
import { profileReportHtml } from './report';
import { rowidParts } from './self-check-all';
import { profileView, saveProfile } from './view';
import { expectedQualifications } from '../../../shared/domain/profile/held';
import { getCaseRecord } from '../cases/repository';
import type { JobStatusView } from '../../../shared/types/jobs';

type ProfileCalls = 'profileGet' | 'profileSave' | 'profileReport' | 'bankPackage' | 'selfCheckAllStart';

export function profileHandlers(ctx: HandlerContext, today: () => string): Pick<Handlers, ProfileCalls> {
  const db = () => needDb(ctx);
  const print = async (html: string, header: string) => {
    if (!ctx.printPdf) throw new AppError('INTERNAL', '当前运行环境无法生成 PDF');
    return ctx.printPdf(html, { header });
  };
  return {
    selfCheckAllStart: () => {
      // The parts' ranges fixed here, before any starts: one per core of the pool.
      const parts = rowidParts(db(), ctx.jobs().cores()) ?? undefined;
      const who = { actor: writer(db()).actor, today: today() };
      return ctx.jobs().start({ type: 'self-check', resourcesDir: ctx.resourcesDir, parts }, who) as JobStatusView;
    },
    profileGet: ({ enterpriseId }) => profileView(db(), ctx.resourcesDir, enterpriseId, today()),
    profileSave: (input) => {
      saveProfile(db(), input, writer(db()));
      return profileView(db(), ctx.resourcesDir, input.enterpriseId, today());
    },
    profileReport: async ({ enterpriseId }) => {
      const v = profileView(db(), ctx.resourcesDir, enterpriseId, today());
      const who = writer(db());
      const pdf = await print(
        profileReportHtml(v, { generatedAt: who.now, by: who.actor }),
        `${v.enterprise.name} · 企业画像与资质自评报告`,
      );
      return { fileName: `企业画像-${v.enterprise.name}-${v.asOf}.pdf`, base64: Buffer.from(pdf).toString('base64') };
    },
    bankPackage: async ({ caseId, format }) => {
      const enterpriseId = getCaseRecord(db(), caseId).enterpriseId;
      // One profile for both: the package's checks and the products' 预计符合 agree.
      const v = profileView(db(), ctx.resourcesDir, enterpriseId, today());
      const expected = expectedQualifications(v.checks, v.enterprise.qualifications);
      const detail = getCaseDetail(db(), caseId, bankProducts(db(), ctx.resourcesDir).products, today(), () => expected);
      const who = writer(db());
      const html = profileReportHtml(v, { case: detail, generatedAt: who.now, by: who.actor });
      const pdf = await print(html, `${v.enterprise.name} · 知识产权质押融资申请材料`);
      const base = `融资申请材料-${v.enterprise.name}-${v.asOf}`;
      const bytes = format === 'pdf' ? pdf : await bankPackageZip(detail, v.checks, pdf, base);
      return { fileName: `${base}.${format}`, base64: Buffer.from(bytes).toString('base64') };
    },
  };
}
