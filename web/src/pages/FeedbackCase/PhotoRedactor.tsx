import { useRef, useState, type PointerEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { editPhoto, type Area, type CaseMedia } from '../../api/feedback';
import { ErrorText } from '../../components/Chrome';

/** Draw rectangles over a photo; they are blurred in the copy the public sees. */
export function PhotoRedactor({ caseId, media, onDone }: { caseId: number; media: CaseMedia; onDone(): void }) {
  const { t } = useTranslation();
  const stage = useRef<HTMLDivElement>(null);
  const [areas, setAreas] = useState<Area[]>([]);
  const [drag, setDrag] = useState<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<Area | null>(null);
  const save = useMutation({
    mutationFn: (body: { areas?: Area[]; hidden?: boolean }) => editPhoto(caseId, media.id, body),
    onSuccess: onDone,
  });
  const at = (e: PointerEvent) => {
    const box = stage.current!.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)), y: Math.min(1, Math.max(0, (e.clientY - box.top) / box.height)) };
  };
  const rect = (a: { x: number; y: number }, b: { x: number; y: number }): Area => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) });
  const style = (a: Area) => ({ left: `${a.x * 100}%`, top: `${a.y * 100}%`, width: `${a.w * 100}%`, height: `${a.h * 100}%` });
  return (
    <div className="card" data-testid="redactor">
      <p className="small muted">{t('fb.redactHelp')}</p>
      <div
        ref={stage} className="redact-stage" data-testid="redact-stage"
        onPointerDown={(e) => { e.preventDefault(); setDrag(at(e)); }}
        onPointerMove={(e) => drag && setDraft(rect(drag, at(e)))}
        onPointerUp={(e) => {
          if (drag) {
            const a = rect(drag, at(e));
            if (a.w > 0.01 && a.h > 0.01) setAreas([...areas, a]);
          }
          setDrag(null);
          setDraft(null);
        }}
      >
        <img src={media.url} alt={`${t('fb.photo')} ${media.position}`} draggable={false} />
        {[...areas, ...(draft ? [draft] : [])].map((a, i) => <span key={i} className="area" style={style(a)} />)}
      </div>
      <div className="row wrap">
        <button className="primary" disabled={!areas.length} onClick={() => save.mutate({ areas })}>{t('fb.blurSave', { count: areas.length })}</button>
        <button disabled={!areas.length} onClick={() => setAreas([])}>{t('fb.clearAreas')}</button>
        {media.redacted && <button onClick={() => save.mutate({ areas: [] })}>{t('fb.unblur')}</button>}
        <button onClick={() => save.mutate({ hidden: !media.hidden })}>{media.hidden ? t('fb.showPhoto') : t('fb.hidePhoto')}</button>
        {!media.reviewed && !media.hidden && <button onClick={() => save.mutate({ hidden: false })}>{t('fb.keepPublic')}</button>}
      </div>
      <ErrorText error={save.error} />
    </div>
  );
}
