import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TConference } from '../../../shared/schemas/conference-views';
import { recordConferenceStep } from './queries';

/** Records one step of the conference at its version; the page reloads the conference after. */
export function useStep(conference: TConference, path: string) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(input: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      await recordConferenceStep(conference.id, path, { version: conference.version, ...input });
      await queryClient.invalidateQueries({ queryKey: ['conferences'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { submit, error, busy };
}

export const todayIso = () => new Date().toISOString().slice(0, 10);
