import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/authContext';
import { PageHeader } from '../../components/PageHeader';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { AdminTabs, type TabDef } from './AdminTabs';
import { EmailsTab } from './EmailsTab';
import { OrdersTab } from './OrdersTab';
import { ProductsTab } from './ProductsTab';
import { RunsTab } from './RunsTab';
import { UsersTab } from './UsersTab';
import { VendorsTab } from './VendorsTab';

type TabId = 'users' | 'vendors' | 'products' | 'orders' | 'runs' | 'emails';

export function AdminPage() {
  useDocumentTitle('Admin');
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const isAdmin = hasRole('Admin');

  const tabs: TabDef<TabId>[] = [
    ...(isAdmin ? [{ id: 'users' as const, label: 'Users' }] : []),
    { id: 'vendors', label: 'Vendors' },
    { id: 'products', label: 'Products' },
    { id: 'orders', label: 'Orders' },
    ...(isAdmin
      ? [
          { id: 'runs' as const, label: 'Workflow runs' },
          { id: 'emails' as const, label: 'Emails' },
        ]
      : []),
  ];
  const requested = params.get('tab');
  const selected = tabs.find((tab) => tab.id === requested)?.id ?? tabs[0].id;

  const onSelect = (id: TabId) => setParams({ tab: id }, { replace: true });

  return (
    <div className="page">
      <PageHeader
        title="Administration"
        lead={
          isAdmin
            ? 'Manage users, approve dairies, keep an eye on stock, follow orders and the work behind them.'
            : 'Review dairies, stock and orders across MilkRun.'
        }
      />
      <AdminTabs tabs={tabs} selected={selected} onSelect={onSelect} />
      <div className="panel tab-panel" role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`}>
        {selected === 'users' && <UsersTab />}
        {selected === 'vendors' && <VendorsTab />}
        {selected === 'products' && <ProductsTab />}
        {selected === 'orders' && <OrdersTab />}
        {selected === 'runs' && <RunsTab />}
        {selected === 'emails' && <EmailsTab />}
      </div>
    </div>
  );
}
