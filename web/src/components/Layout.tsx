import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth, useCan } from '../auth';
import { offered, ROUTES, type MenuSection } from '../routes';
import { DemoBanner, LanguageSwitch } from './Chrome';
import { NotificationBell } from './Notifications';

const MODULES = ['listening'] as const;
const MENU = ROUTES.filter((r) => r.menu);
const NAV_PATHS = MENU.map((r) => r.path);

/** The one menu item a page belongs to: the longest menu path the address starts with (/reports/queue, not also /reports). */
function activeNavPath(pathname: string): string | undefined {
  return NAV_PATHS.filter((p) => pathname === p || (p !== '/' && pathname.startsWith(`${p}/`))).sort((a, b) => b.length - a.length)[0];
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const [open, setOpen] = useState(false);
  const active = activeNavPath(useLocation().pathname);
  const can = useCan();
  // The menu offers only the pages the server lets this user use (the same capabilities guard the addresses).
  const links = (section: MenuSection) => MENU.filter((r) => r.menu!.section === section && offered(r, can, me?.user.role)).map((r) => (
    <Link key={r.path} to={r.path} className={active === r.path ? 'active' : undefined} aria-current={active === r.path ? 'page' : undefined} onClick={() => setOpen(false)}>{t(r.menu!.label)}</Link>
  ));
  return (
    <div className="shell">
      <DemoBanner />
      <header className="topbar">
        <button className="menu-button" aria-label={t('app.menu')} aria-expanded={open} onClick={() => setOpen(!open)}>☰</button>
        <strong className="brand">{t('app.name')}</strong>
        <span className="spacer" />
        <LanguageSwitch />
        {me?.user.role !== 'producer' && <NotificationBell />}
        <span className="who" title={me?.user.orgUnitName}>{me?.user.displayName} · {t(`roles.${me?.user.role}`)}</span>
        <button onClick={() => void signOut()}>{t('nav.logout')}</button>
      </header>
      <div className="body">
        <nav className={open ? 'sidebar open' : 'sidebar'} aria-label="main">
          {links('top')}
          <h4>{t('nav.modules')}</h4>
          {links('modules')}
          {me?.user.role !== 'producer' && MODULES.map((m) => (
            <span key={m} className="disabled" aria-disabled="true">{t(`nav.${m}`)} <small>{t('nav.soon')}</small></span>
          ))}
          <h4>{t('nav.admin')}</h4>
          {links('admin')}
        </nav>
        <main>{children}</main>
      </div>
    </div>
  );
}
