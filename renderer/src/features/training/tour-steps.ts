/**
 * The guided walkthrough of one sandbox case's whole loop: each step points at the real control,
 * knows when the trainee has done it (checked on the page itself) and can do it when 演示 is
 * pressed. Steps that only show something wait for 下一步.
 */
import { navigate } from '../../app/useHashRoute';
import type { TourCase } from './tour-store';

export interface WalkStep {
  title: string;
  description: string;
  target: () => HTMLElement | null;
  /** The trainee did it: the walkthrough moves on by itself. */
  done?: () => boolean;
  demo: () => void;
  /** Where the panel sits: beside the navigation, under a tab. */
  placement?: 'right' | 'bottom' | 'top' | 'left';
}

const q = (selector: string) => document.querySelector<HTMLElement>(selector);
const navItem = (area: string) => q(`li[data-menu-id$="-${area}"]`);
const onRoute = (route: string) => window.location.hash.replace(/^#\/?/, '').split('?')[0] === route;
const tab = (label: string) =>
  [...document.querySelectorAll<HTMLElement>('.ant-tabs-tab')].find((t) => t.textContent?.includes(label)) ?? null;
const tabActive = (label: string) => tab(label)?.classList.contains('ant-tabs-tab-active') ?? false;
const rowWith = (text: string) => [...document.querySelectorAll<HTMLElement>('tr')].find((r) => r.textContent?.includes(text)) ?? null;
const click = (el: HTMLElement | null) => el?.querySelector<HTMLElement>('[role="tab"]')?.click() ?? el?.click();
const show = (el: HTMLElement | null) => el?.scrollIntoView({ block: 'center' });

function tabStep(label: string, title: string, description: string): WalkStep {
  return { title, description, target: () => tab(label), done: () => tabActive(label), demo: () => click(tab(label)), placement: 'bottom' };
}

export function walkSteps({ caseId, enterpriseName }: TourCase): WalkStep[] {
  const casePage = `cases/${caseId}`;
  return [
    {
      title: '第 1 步：打开白名单',
      description: '闭环从区里的白名单开始：区科创局摸排形成名单，管家逐家跟进。请点击左侧的“企业与白名单”。',
      target: () => navItem('whitelist'),
      placement: 'right',
      done: () => onRoute('whitelist'),
      demo: () => navigate('whitelist'),
    },
    {
      title: '第 2 步：白名单上的企业',
      description: `找到“${enterpriseName}”：它来自光明区“光小知”管家摸排的白名单。看一看它的状态、管家和融资需求，然后点“下一步”。`,
      target: () => rowWith(enterpriseName),
      demo: () => (onRoute('whitelist') ? show(rowWith(enterpriseName)) : navigate('whitelist')),
    },
    {
      title: '第 3 步：打开服务案件',
      description: '管家为这家企业开了服务案件。请点击左侧“服务案件”，在列表中打开它的案件（或按“演示”直接打开）。',
      target: () => (onRoute('cases') ? rowWith(enterpriseName) : navItem('cases')),
      placement: 'right',
      done: () => onRoute(casePage),
      demo: () => navigate(casePage),
    },
    tabStep(
      '走访',
      '第 4 步：走访记录',
      '每次上门都记一笔：时间、地点、参加人、谈了什么、下一步。请点击“走访”页签看看这家企业的两次走访。',
    ),
    tabStep(
      '贷前指导',
      '第 5 步：贷前清单',
      '回到“贷前指导”：清单逐项列出材料和确认事项，年费未缴、共有人未同意等问题会在这里标出。请点击“贷前指导”页签。',
    ),
    {
      title: '第 6 步：银行产品匹配',
      description: '按企业的融资需求、知识产权和所在区，给出可申请的银行产品排序，并说明每个产品为何适合或不适合。看完点“下一步”。',
      target: () => q('[data-tour="product-ranking"]'),
      demo: () => show(q('[data-tour="product-ranking"]')),
    },
    tabStep(
      '价值评估',
      '第 7 步：价值评估',
      '质物的价值可以来自评估报告、银行内部评估或银企协商；也可以用本软件的估值工具测算。请点击“价值评估”页签。',
    ),
    tabStep(
      '质押登记',
      '第 8 步：质押登记表',
      '签订借款和质押合同后，填写向国家知识产权局提交的质押登记信息，系统会逐项检查能否登记。请点击“质押登记”页签。',
    ),
    tabStep('贴息申报', '第 9 步：贴息测算', '放款并付息后，按区的贴息政策逐项计算可申报的贴息，列出所需材料。请点击“贴息申报”页签。'),
    {
      title: '第 10 步：推进与结案',
      description:
        '每个阶段满足条件后，在这里推进到下一阶段；贷款还清、贴息拨付后结案，白名单状态随之更新为“已放款”。引导到此结束，可在沙盒中自行推进这个案件。',
      target: () => q('[data-tour="move-actions"]'),
      demo: () => show(q('[data-tour="move-actions"]')),
    },
  ];
}
