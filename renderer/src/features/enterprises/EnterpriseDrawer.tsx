import { navigate } from '../../app/useHashRoute';
import { Button, Descriptions, Drawer, Empty, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise, IpAsset, WhitelistEntry } from '../../../../shared/types/records';
import { api } from '../../api';
import { fenToWanText } from '../../lib/format';
import { EnterpriseForm } from './EnterpriseForm';
import { IpForm } from './IpForm';
import { ipColumnsCompact } from './IpList';
import { useEnterprisesStore } from './store';
import { STATUS_COLORS } from './tables';
import { formatDateTime } from '../../../../shared/time';
import { openableRow } from '../../lib/openableRow';
import { ConflictBadge } from '../sync/ConflictBadge';

/** One enterprise at hand: profile, IP portfolio with pledgeability, whitelist entries. */
export function EnterpriseDrawer() {
  const { t } = useTranslation();
  const { openEnterpriseId: id, version, set, changed } = useEnterprisesStore();
  const [data, setData] = useState<{ e: Enterprise; ip: IpAsset[]; entries: WhitelistEntry[] } | null>(null);
  const [editing, setEditing] = useState(false);
  const [ipEditing, setIpEditing] = useState<IpAsset | 'new' | null>(null);
  useEffect(() => {
    if (!id) return setData(null);
    let live = true;
    Promise.all([
      api().enterpriseGet({ id }),
      api().ipList({ filter: { enterpriseId: id }, limit: 1000 }),
      api().entriesList({ filter: { enterpriseId: id }, limit: 1000 }),
    ]).then(
      ([e, ip, entries]) => live && setData({ e, ip: ip.rows, entries: entries.rows }),
      (err: unknown) => {
        void message.error(err instanceof Error ? err.message : String(err));
        set({ openEnterpriseId: null });
      },
    );
    return () => {
      live = false;
    };
  }, [id, version, set]);
  const close = () => set({ openEnterpriseId: null });
  const remove = async () => {
    if (!data) return;
    try {
      await api().enterpriseDelete({ id: data.e.id });
      void message.success(t('ent.deleted'));
      close();
      changed();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };
  const e = data?.e;
  return (
    <Drawer
      open={!!id}
      onClose={close}
      size="large"
      width={980}
      title={
        e ? (
          <>
            {e.name}
            <ConflictBadge id={e.id} />
          </>
        ) : (
          ''
        )
      }
      loading={!data}
      extra={
        e && (
          <Space>
            <Button onClick={() => navigate(`whitelist/profile/${e.id}`)}>企业画像</Button>
            <Button onClick={() => setEditing(true)}>{t('ent.edit')}</Button>
            <Popconfirm
              title={t('ent.deleteConfirm', { name: e.name })}
              onConfirm={() => void remove()}
              okText={t('ent.delete')}
              cancelText={t('ent.form.cancel')}
              okButtonProps={{ danger: true }}
            >
              <Button danger>{t('ent.delete')}</Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {e && data && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions title={t('ent.detail.profile')} size="small" bordered column={2}>
            <Descriptions.Item label={t('ent.form.uscc')}>{e.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('ent.form.district')}>
              {e.district} {e.street}
            </Descriptions.Item>
            <Descriptions.Item label={t('ent.form.industry')}>{e.industry || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ent.form.founded')}>{e.foundedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ent.form.capitalField')}>{fenToWanText(e.registeredCapitalFen)}</Descriptions.Item>
            <Descriptions.Item label={t('ent.form.employeesField')}>
              {e.employees === null ? '—' : t('ent.detail.people', { n: e.employees })}
            </Descriptions.Item>
            <Descriptions.Item label={t('ent.form.revenueField')}>{fenToWanText(e.revenueFen)}</Descriptions.Item>
            <Descriptions.Item label={t('ent.form.rdField')}>{fenToWanText(e.rdFen)}</Descriptions.Item>
            <Descriptions.Item label={t('ent.form.quals')} span={2}>
              {e.qualifications.map((q) => (
                <Tag key={q}>{q}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('ent.detail.contacts')} span={2}>
              {e.contacts.map((c) => `${c.name}（${c.role}）${c.phone}`).join('；') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('ent.form.address')} span={2}>
              {e.address || '—'}
            </Descriptions.Item>
            {e.notes ? (
              <Descriptions.Item label={t('ent.form.notes')} span={2}>
                {e.notes}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ent.detail.audit', {
              createdBy: e.createdBy,
              createdAt: formatDateTime(e.createdAt),
              updatedBy: e.updatedBy,
              updatedAt: formatDateTime(e.updatedAt),
            })}
          </Typography.Text>
          <div>
            <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('ent.detail.ip')}（{data.ip.length}）
              </Typography.Title>
              <Button onClick={() => setIpEditing('new')}>{t('ent.newIp')}</Button>
            </Space>
            <Table<IpAsset>
              rowKey="id"
              size="small"
              pagination={false}
              columns={ipColumnsCompact(t)}
              dataSource={data.ip}
              onRow={openableRow(setIpEditing)}
              locale={{ emptyText: <Empty /> }}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('ent.detail.whitelist')}</Typography.Title>
            {data.entries.length === 0 ? (
              <Empty />
            ) : (
              data.entries.map((w) => (
                <Descriptions key={w.id} size="small" bordered column={3} style={{ marginBottom: 8 }}>
                  <Descriptions.Item label={t('ent.col.batch')}>{w.batchName}</Descriptions.Item>
                  <Descriptions.Item label={t('ent.col.status')}>
                    <Tag color={STATUS_COLORS[w.status]}>{w.status}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('ent.col.steward')}>{w.steward || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('ent.col.need')}>{fenToWanText(w.needFen)}</Descriptions.Item>
                  <Descriptions.Item label={t('ent.col.term')}>
                    {w.needTermMonths === null ? '—' : t('ent.detail.months', { n: w.needTermMonths })}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('ent.col.lastVisit')}>{w.lastVisitOn ?? '—'}</Descriptions.Item>
                </Descriptions>
              ))
            )}
          </div>
        </Space>
      )}
      {editing && e && <EnterpriseForm enterprise={e} onClose={(saved) => (setEditing(false), saved && changed())} />}
      {ipEditing && e && (
        <IpForm
          enterpriseId={e.id}
          enterpriseName={e.name}
          asset={ipEditing === 'new' ? null : ipEditing}
          onClose={(saved) => (setIpEditing(null), saved && changed())}
        />
      )}
    </Drawer>
  );
}
