import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createToken, revokeToken, tokenKeys, tokensQuery, type TokenScope } from '../api/tokens';
import { ErrorText } from '../components/Chrome';
import { dateTime } from '../dates';

// 'reports' is left out on purpose: it is granted to the reporting app, not to a machine an administrator sets up here.
const SCOPES: TokenScope[] = ['read', 'open311', 'devices', 'data-exchange'];

export function TokensPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const tokens = useQuery(tokensQuery());
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const create = useMutation({
    mutationFn: () => createToken({ name, scopes }),
    onSuccess: () => { setName(''); void client.invalidateQueries({ queryKey: tokenKeys.all }); },
  });
  const revoke = useMutation({ mutationFn: revokeToken, onSuccess: () => void client.invalidateQueries({ queryKey: tokenKeys.all }) });
  const submit = (e: FormEvent) => { e.preventDefault(); create.mutate(); };
  return (
    <section>
      <h1>{t('tokens.title')}</h1>
      <form className="card form-grid" onSubmit={submit}>
        <label>{t('tokens.name')}<input value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <fieldset><legend>{t('tokens.scopes')}</legend>
          {SCOPES.map((s) => (
            <label key={s} className="inline"><input type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))} /> {s}</label>
          ))}
        </fieldset>
        <button className="primary" type="submit">{t('tokens.create')}</button>
        <ErrorText error={create.error ?? revoke.error} />
        {create.data && <p className="ok" role="status">{t('tokens.once')} <code className="secret">{create.data.token}</code></p>}
      </form>
      {tokens.data?.length === 0 ? <p className="muted">{t('tokens.empty')}</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('tokens.name')}</th><th>{t('tokens.scopes')}</th><th>{t('tokens.lastUsed')}</th><th /></tr></thead>
            <tbody>
              {tokens.data?.map((k) => (
                <tr key={k.id}>
                  <td>{k.name} <small className="muted">{k.prefix}…</small></td><td>{k.scopes.join(', ')}</td>
                  <td>{k.lastUsedAt ? dateTime(k.lastUsedAt) : t('tokens.never')}</td>
                  <td>{k.revokedAt ? t('tokens.revoked') : <button onClick={() => revoke.mutate(k.id)}>{t('tokens.revoke')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
