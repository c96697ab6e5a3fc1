import pg from 'pg';

/** What receives a database's notifications on one channel: each payload, and a call after the link was re-made. */
export interface ChannelListener {
  onPayload(payload: string): void;
  /** After a lost connection was re-made: notifications sent meanwhile are lost, the listener reads what it missed. */
  onRejoin(): void;
}

const REJOIN_DELAYS_MS = [200, 500, 1000, 2000, 5000];

/** LISTEN on a client of its own; when the connection drops (a server restart), it is re-made until it succeeds. */
export async function listenOverOwnConnection(url: string, channel: string, listener: ChannelListener): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (rejoin: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) listener.onPayload(message.payload ?? '');
    });
    next.on('error', () => undefined); // 'end' follows and re-makes the link
    next.on('end', () => {
      if (stopped || client !== next) return;
      client = undefined;
      schedule();
    });
    client = next;
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    attempt = 0;
    if (rejoin) listener.onRejoin();
  };
  const schedule = () => {
    const delay = REJOIN_DELAYS_MS[Math.min(attempt++, REJOIN_DELAYS_MS.length - 1)]!;
    retry = setTimeout(() => {
      if (stopped) return;
      connect(true).catch(() => {
        client?.end().catch(() => undefined);
        client = undefined;
        if (!stopped) schedule();
      });
    }, delay);
  };
  await connect(false);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

