import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  CalculatorOutlined,
  CloudSyncOutlined,
  ExperimentOutlined,
  HomeOutlined,
  InfoCircleOutlined,
  MoneyCollectOutlined,
  ReadOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** The navigation, in the order a steward walks the loop. Pages come from routes.tsx. */
export const AREAS = [
  { key: 'home', icon: <HomeOutlined /> },
  { key: 'whitelist', icon: <TeamOutlined /> },
  { key: 'cases', icon: <AuditOutlined /> },
  { key: 'valuation', icon: <CalculatorOutlined /> },
  { key: 'tech', icon: <ExperimentOutlined /> },
  { key: 'pledge', icon: <BankOutlined /> },
  { key: 'subsidy', icon: <MoneyCollectOutlined /> },
  { key: 'loans', icon: <SafetyOutlined /> },
  { key: 'dashboard', icon: <BarChartOutlined /> },
  { key: 'institutions', icon: <ApartmentOutlined /> },
  { key: 'sync', icon: <CloudSyncOutlined /> },
  { key: 'training', icon: <ReadOutlined /> },
  { key: 'about', icon: <InfoCircleOutlined /> },
] as const satisfies readonly { key: string; icon: ReactNode }[];

export type AreaKey = (typeof AREAS)[number]['key'];

export function areaOf(route: string): AreaKey {
  const first = route.split('/')[0] ?? '';
  return (AREAS.find((a) => a.key === first)?.key ?? 'home') as AreaKey;
}
