import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unitsQuery, type Unit } from '../api/org-units';
import { createUser, resetPassword, unlockUser, updateUser, userKeys, usersQuery, type User } from '../api/users';
import { useAuth, useCan } from '../auth';
import { ErrorText } from '../components/Chrome';

const ROLES = ['admin', 'leader', 'officer', 'reviewer'] as const;

function useUnitsToday() {
  return useQuery(unitsQuery());
}

function UserForm({ user, onDone }: { user?: User; onDone(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const units = useUnitsToday();
  const [form, setForm] = useState({
    username: user?.username ?? '', displayName: user?.displayName ?? '', email: user?.email ?? '', role: user?.role ?? 'officer',
    orgUnitId: user?.orgUnitId ?? 0, password: '',
  });
  const save = useMutation({
    mutationFn: () => {
      const common = { displayName: form.displayName, email: form.email || null, role: form.role, orgUnitId: Number(form.orgUnitId) };
      return user ? updateUser(user.id, common) : createUser({ ...common, username: form.username, password: form.password });
    },
    onSuccess: () => { void client.invalidateQueries({ queryKey: userKeys.all }); onDone(); },
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  const unitOptions = [...(units.data ?? [])];
  if (user && !unitOptions.some((u) => u.id === user.orgUnitId)) unitOptions.unshift({ id: user.orgUnitId, name: user.orgUnitName, code: user.orgUnitCode } as Unit);
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={user ? t('users.edit') : t('users.new')}>
      {!user && <label>{t('users.username')}<input name="username" value={form.username} onChange={set('username')} required /></label>}
      <label>{t('users.displayName')}<input name="displayName" value={form.displayName} onChange={set('displayName')} required /></label>
      <label>{t('users.email')}<input name="email" type="email" value={form.email} onChange={set('email')} /></label>
      <label>{t('users.role')}<select name="role" value={form.role} onChange={set('role')}>{ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}</select></label>
      <label>{t('users.unit')}
        <select name="orgUnitId" value={form.orgUnitId} onChange={set('orgUnitId')} required>
          <option value={0} disabled>—</option>
          {unitOptions.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.code})</option>)}
        </select>
      </label>
      {!user && <label>{t('users.password')}<input name="password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} required /><small className="muted">{t('account.rule')}</small></label>}
      <ErrorText error={save.error} />
      <div className="row"><button type="submit" className="primary" disabled={save.isPending}>{t('users.save')}</button><button type="button" onClick={onDone}>{t('users.cancel')}</button></div>
    </form>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const can = useCan();
  const client = useQueryClient();
  const admin = can('users.manage');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const users = useQuery(usersQuery(q));
  const act = useMutation({
    mutationFn: (a: { user: User; kind: 'toggle' | 'unlock' | 'password'; password?: string }) =>
      a.kind === 'toggle' ? updateUser(a.user.id, { active: !a.user.active })
        : a.kind === 'unlock' ? unlockUser(a.user.id)
          : resetPassword(a.user.id, a.password!),
    onSuccess: () => void client.invalidateQueries({ queryKey: userKeys.all }),
  });
  return (
    <section>
      <div className="row wrap">
        <h1>{t('users.title')}</h1><span className="spacer" />
        <input type="search" placeholder={t('users.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        {admin && <button className="primary" onClick={() => setEditing('new')}>{t('users.new')}</button>}
      </div>
      {editing && <UserForm key={editing === 'new' ? 'new' : editing.id} user={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      <ErrorText error={users.error ?? act.error} />
      <p className="muted">{t('users.total', { count: users.data?.total ?? 0 })}</p>
      <div className="table-wrap">
        <table>
          <thead><tr><th>{t('users.username')}</th><th>{t('users.displayName')}</th><th>{t('users.role')}</th><th>{t('users.unit')}</th><th>{t('users.status')}</th>{admin && <th />}</tr></thead>
          <tbody>
            {users.data?.items.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td><td>{u.displayName}</td><td>{t(`roles.${u.role}`)}</td><td>{u.orgUnitName}</td>
                <td>{u.active ? t('users.active') : t('users.disable')}{u.lockedUntil && new Date(u.lockedUntil) > new Date() ? ` · ${t('users.locked')}` : ''}</td>
                {admin && (
                  <td className="actions">
                    <button onClick={() => setEditing(u)}>{t('users.edit')}</button>
                    {u.id !== me?.user.id && <button onClick={() => act.mutate({ user: u, kind: 'toggle' })}>{u.active ? t('users.disable') : t('users.enable')}</button>}
                    {u.lockedUntil && <button onClick={() => act.mutate({ user: u, kind: 'unlock' })}>{t('users.unlock')}</button>}
                    <button onClick={() => { const p = window.prompt(t('users.newPassword')); if (p) act.mutate({ user: u, kind: 'password', password: p }); }}>{t('users.resetPassword')}</button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
