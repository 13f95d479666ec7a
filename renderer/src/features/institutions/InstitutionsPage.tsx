import { Alert, Button, Card, Checkbox, Input, Modal, Select, Space, Table, Tabs, Tag, Tooltip, Typography, message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { DISTRICTS, type District } from '../../../../shared/domain/districts';
import {
  institutionMatches,
  nameMatches,
  needsReview,
  RESOLVED_LABELS,
  type InstitutionListFilter,
  type InstitutionView,
  type NameReview,
} from '../../../../shared/domain/institution-lists';
import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS, type InstitutionKind } from '../../../../shared/domain/institutions';
import { api } from '../../api';
import { ExportButtons } from '../../components/ExportButtons';
import { useInstitutions } from '../../components/InstitutionInput';
import { useAccount, useSyncStore } from '../sync/store';
import { InstitutionEditor, type Draft } from './InstitutionEditor';

const EDITORS = ['officer', 'admin'];

/**
 * 机构名录: the banks (with their branches), guarantors, insurers, appraisers, agencies and law
 * firms the district works with, and the bank names typed on pledges with what the directory
 * makes of each — the unknown ones to confirm as a branch, an alias or an institution of their own.
 */
export function InstitutionsPage() {
  const [version, setVersion] = useState(0);
  const synced = useSyncStore((s) => s.status?.dataVersion);
  const all = useInstitutions(version);
  const [names, setNames] = useState<NameReview[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [aliasFor, setAliasFor] = useState<NameReview | null>(null);
  const account = useAccount();
  const canEdit = !account || EDITORS.includes(account.role);
  useEffect(() => {
    void api()
      .institutionNames({})
      .then(setNames)
      .catch(() => setNames([]));
  }, [version, synced]);
  const pending = names.filter(needsReview).length;
  const saved = (i: InstitutionView) => {
    setDraft(null);
    setAliasFor(null);
    setVersion((v) => v + 1);
    void message.success(`已保存“${i.name}”`);
  };
  const editButton = (onClick: () => void, label: string) =>
    canEdit ? (
      <Button size="small" onClick={onClick}>
        {label}
      </Button>
    ) : (
      <Tooltip title="仅区级管理员可修改机构名录">
        <Button size="small" disabled>
          {label}
        </Button>
      </Tooltip>
    );
  return (
    <Card size="small">
      <Tabs
        items={[
          {
            key: 'list',
            label: `名录（${all.length}）`,
            children: <DirectoryTab all={all} editButton={editButton} onEdit={setDraft} />,
          },
          {
            key: 'names',
            label: pending ? `名称对照（${pending} 项待确认）` : '名称对照',
            children: (
              <NamesTab
                names={names}
                editButton={editButton}
                onBranch={(n) => {
                  const head = all.find((i) => i.kind === 'bank' && !i.headId && i.name === n.head);
                  setDraft({
                    kind: 'bank',
                    name: n.text.trim(),
                    headId: n.how === 'prefix' ? (head?.id ?? null) : null,
                    aliases: [],
                    greenChannel: [],
                    active: true,
                  });
                }}
                onAlias={setAliasFor}
              />
            ),
          },
        ]}
      />
      <InstitutionEditor draft={draft} all={all} onClose={() => setDraft(null)} onSaved={saved} />
      <AliasDialog name={aliasFor} all={all} onClose={() => setAliasFor(null)} onSaved={saved} />
    </Card>
  );
}

type EditButton = (onClick: () => void, label: string) => React.ReactNode;

function DirectoryTab({ all, editButton, onEdit }: { all: InstitutionView[]; editButton: EditButton; onEdit(d: Draft): void }) {
  const [filter, setFilter] = useState<InstitutionListFilter>({ search: '' });
  const rows = useMemo(() => all.filter((i) => institutionMatches(i, filter)), [all, filter]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            aria-label="搜索机构"
            allowClear
            placeholder="名称或别名"
            style={{ width: 220 }}
            onSearch={(search) => setFilter((f) => ({ ...f, search }))}
          />
          <Select<InstitutionKind>
            aria-label="机构类别"
            allowClear
            placeholder="全部类别"
            style={{ width: 140 }}
            value={filter.kind}
            onChange={(kind) => setFilter((f) => ({ ...f, kind }))}
            options={INSTITUTION_KINDS.map((k) => ({ value: k, label: INSTITUTION_KIND_LABELS[k] }))}
          />
          <Select<District>
            aria-label="绿色通道"
            allowClear
            placeholder="绿色通道：不限"
            style={{ width: 160 }}
            value={filter.greenChannel}
            onChange={(greenChannel) => setFilter((f) => ({ ...f, greenChannel }))}
            options={DISTRICTS.map((d) => ({ value: d, label: `${d}绿色通道` }))}
          />
          {editButton(() => onEdit({ kind: 'bank', name: '', headId: null, aliases: [], greenChannel: [], active: true }), '新增机构')}
        </Space>
        <ExportButtons request={{ kind: 'institutions', filter }} />
      </Space>
      <Table<InstitutionView>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 家` }}
        locale={{ emptyText: '没有符合条件的机构' }}
        columns={[
          { key: 'kind', title: '类别', width: 100, render: (_, i) => INSTITUTION_KIND_LABELS[i.kind] },
          {
            key: 'name',
            title: '名称',
            render: (_, i) => (
              <span style={{ paddingLeft: i.headId ? 20 : 0 }}>
                {i.name}
                {!i.active && <Tag style={{ marginLeft: 8 }}>停用</Tag>}
              </span>
            ),
          },
          { key: 'head', title: '上级机构', render: (_, i) => i.headName ?? '—' },
          { key: 'aliases', title: '别名', render: (_, i) => i.aliases.join('、') || '—' },
          { key: 'green', title: '绿色通道', render: (_, i) => i.greenChannel.join('、') || '—' },
          {
            key: 'source',
            title: '来源',
            width: 110,
            render: (_, i) =>
              i.edited ? <Tag color="blue">已增补或修改</Tag> : <Typography.Text type="secondary">随软件提供</Typography.Text>,
          },
          { key: 'edit', title: '', width: 80, render: (_, i) => editButton(() => onEdit({ ...i }), '编辑') },
        ]}
      />
    </Space>
  );
}

function NamesTab({
  names,
  editButton,
  onBranch,
  onAlias,
}: {
  names: NameReview[];
  editButton: EditButton;
  onBranch(n: NameReview): void;
  onAlias(n: NameReview): void;
}) {
  const [filter, setFilter] = useState({ search: '', pendingOnly: true });
  const rows = names.filter((n) => nameMatches(n, filter));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title="质押记录里填写的银行名称按名录归入总行统计（填写的内容不会被改动）。名录中没有的名称请确认：作为分支机构加入名录，或作为已有机构的别名。"
      />
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            aria-label="搜索名称"
            allowClear
            placeholder="填写的名称或总行"
            style={{ width: 220 }}
            onSearch={(search) => setFilter((f) => ({ ...f, search }))}
          />
          <Checkbox checked={filter.pendingOnly} onChange={(e) => setFilter((f) => ({ ...f, pendingOnly: e.target.checked }))}>
            只看待确认
          </Checkbox>
        </Space>
        <ExportButtons request={{ kind: 'institution-names', filter }} />
      </Space>
      <Table<NameReview>
        size="small"
        rowKey="text"
        dataSource={rows}
        pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 个名称` }}
        locale={{ emptyText: filter.pendingOnly ? '没有待确认的名称：质押记录里的银行名称都在名录中' : '质押记录里还没有填写银行' }}
        columns={[
          { key: 'text', title: '填写的名称', dataIndex: 'text' },
          { key: 'pledges', title: '质押笔数', dataIndex: 'pledges', align: 'right', width: 90 },
          { key: 'head', title: '归入总行', dataIndex: 'head' },
          { key: 'branch', title: '统计为', dataIndex: 'branch' },
          {
            key: 'how',
            title: '对照情况',
            render: (_, n) => <Tag color={needsReview(n) ? 'orange' : 'green'}>{RESOLVED_LABELS[n.how]}</Tag>,
          },
          {
            key: 'act',
            title: '',
            width: 200,
            render: (_, n) =>
              needsReview(n) && (
                <Space>
                  {editButton(() => onBranch(n), '加入名录')}
                  {editButton(() => onAlias(n), '设为别名')}
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
}

/** Makes a typed name an alias of an institution already in the directory. */
function AliasDialog({
  name,
  all,
  onClose,
  onSaved,
}: {
  name: NameReview | null;
  all: readonly InstitutionView[];
  onClose(): void;
  onSaved(i: InstitutionView): void;
}) {
  const [target, setTarget] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  // Chosen when the dialog opens, not again when the list reloads (a sync) while it is open.
  const [opened, setOpened] = useState<NameReview | null>(null);
  if (name !== opened) {
    setOpened(name);
    setTarget(name ? all.find((i) => i.name === name.head)?.id : undefined);
    setError(null);
  }
  const save = async () => {
    const i = all.find((x) => x.id === target);
    if (!name || !i) return setError('请选择机构');
    try {
      const { headName: _h, edited: _e, ...fields } = i;
      onSaved(await api().institutionSave({ ...fields, aliases: [...i.aliases, name.text.trim()] }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Modal
      open={!!name}
      title={`“${name?.text ?? ''}”作为哪家机构的别名`}
      okText="保存"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Select
        aria-label="机构"
        style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        value={target}
        onChange={setTarget}
        placeholder="选择名录中的机构"
        options={all
          .filter((i) => i.kind === 'bank')
          .map((i) => ({ value: i.id, label: i.headName ? `${i.name}（${i.headName}）` : i.name }))}
      />
    </Modal>
  );
}
