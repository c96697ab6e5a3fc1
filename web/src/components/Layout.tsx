import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { DemoBanner, LanguageSwitch } from './Chrome';
import { NotificationBell } from './Notifications';

const MODULES = ['ioc', 'agriculture', 'traceability', 'listening'] as const;
const NAV_PATHS = ['/', '/units', '/scorecard', '/dti', '/data-entry', '/exchange', '/metadata', '/reports', '/reports/queue', '/reports/completeness',
  '/reports/regimes', '/feedback', '/feedback/settings', '/users', '/tokens', '/audit', '/account'];

/** The one menu item a page belongs to: the longest menu path the address starts with (/reports/queue, not also /reports). */
function activeNavPath(pathname: string): string | undefined {
  return NAV_PATHS.filter((p) => pathname === p || (p !== '/' && pathname.startsWith(`${p}/`))).sort((a, b) => b.length - a.length)[0];
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const [open, setOpen] = useState(false);
  const active = activeNavPath(useLocation().pathname);
  const admin = me?.user.role === 'admin';
  const link = (to: string, label: string) => (
    <Link to={to} className={active === to ? 'active' : undefined} aria-current={active === to ? 'page' : undefined} onClick={() => setOpen(false)}>{label}</Link>
  );
  return (
    <div className="shell">
      <DemoBanner />
      <header className="topbar">
        <button className="menu-button" aria-label={t('app.menu')} aria-expanded={open} onClick={() => setOpen(!open)}>☰</button>
        <strong className="brand">{t('app.name')}</strong>
        <span className="spacer" />
        <LanguageSwitch />
        <NotificationBell />
        <span className="who" title={me?.user.orgUnitName}>{me?.user.displayName} · {t(`roles.${me?.user.role}`)}</span>
        <button onClick={() => void signOut()}>{t('nav.logout')}</button>
      </header>
      <div className="body">
        <nav className={open ? 'sidebar open' : 'sidebar'} aria-label="main">
          {link('/', t('nav.home'))}
          {link('/units', t('nav.units'))}
          <h4>{t('nav.modules')}</h4>
          {link('/scorecard', t('nav.scorecard'))}
          {link('/dti', t('nav.dti'))}
          {link('/data-entry', t('nav.entry'))}
          {link('/exchange', t('nav.exchange'))}
          {admin && link('/metadata', t('nav.metadata'))}
          {link('/reports', t('nav.reportsDue'))}
          {me?.user.role !== 'officer' && link('/reports/queue', t('nav.reportsQueue'))}
          {link('/reports/completeness', t('nav.reportsCompleteness'))}
          {admin && link('/reports/regimes', t('nav.reportsRegimes'))}
          {link('/feedback', t('nav.feedback'))}
          {(admin || me?.user.role === 'reviewer') && link('/feedback/settings', t('nav.feedbackSettings'))}
          {MODULES.map((m) => (
            <span key={m} className="disabled" aria-disabled="true">{t(`nav.${m}`)} <small>{t('nav.soon')}</small></span>
          ))}
          <h4>{t('nav.admin')}</h4>
          {link('/users', t('nav.users'))}
          {admin && link('/tokens', t('nav.tokens'))}
          {admin && link('/audit', t('nav.audit'))}
          {link('/account', t('nav.account'))}
        </nav>
        <main>{children}</main>
      </div>
    </div>
  );
}
