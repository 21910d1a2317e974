import { useEffect, useState } from 'react';
import type { EventPayload } from '../../shared/contract';
import { call } from '../api';
import { useT } from '../i18n';

type Progress = EventPayload<'progress'>;

/** The running long task (import, export, print) in the status bar, with its Cancel button. */
export function TaskProgress() {
  const t = useT();
  const [task, setTask] = useState<Progress | null>(null);

  useEffect(
    () =>
      window.ntm.on('progress', (p) => {
        setTask(p.done >= p.total ? null : p);
      }),
    [],
  );

  if (!task) return null;
  return (
    <span className="task-progress" data-testid="task-progress">
      <progress max={task.total} value={task.done} /> {task.label} ({task.done}/{task.total})
      <button className="link" onClick={() => void call('tasks.cancel', { taskId: task.taskId }).then(() => setTask(null))}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
