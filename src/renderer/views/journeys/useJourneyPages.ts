/**
 * Fetches the journey list from the worker a page at a time, as the virtual list scrolls.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JourneyQuery, JourneySummary } from '../../../simulator/api.js';
import { queryJourneys } from '../../store/actions.js';
import { pushError, studioStore } from '../../store/studio.js';

/** Journeys per worker request. */
export const PAGE_SIZE = 100;

/** The loaded part of the list and a way to ask for the rest. */
export interface JourneyPages {
  total: number;
  /** Returns the journey at `index`, or null while its page is loading. */
  at(index: number): JourneySummary | null;
  /** Makes sure the pages covering `first..last` are loaded. */
  ensure(first: number, last: number): void;
  loading: boolean;
}

/**
 * Keeps pages of the list for `query`. A new query or `refreshKey` starts over; replies to earlier requests that
 * arrive late are dropped by generation.
 */
export function useJourneyPages(query: Omit<JourneyQuery, 'offset' | 'limit'>, refreshKey: number): JourneyPages {
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, JourneySummary[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const visible = useRef<[number, number]>([0, PAGE_SIZE - 1]);
  const queryKey = JSON.stringify(query);

  const fetchPage = useCallback(
    (page: number) => {
      if (inFlight.current.has(page)) return;
      inFlight.current.add(page);
      const requestGeneration = generation.current;
      queryJourneys({ ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (result) => {
          if (requestGeneration !== generation.current) return;
          inFlight.current.delete(page);
          pages.current.set(page, result.items);
          setTotal(result.total);
          setLoading(false);
          setVersion((version) => version + 1);
        },
        (error: unknown) => {
          if (requestGeneration !== generation.current) return;
          inFlight.current.delete(page);
          setLoading(false);
          pushError(studioStore, 'worker', `loading journeys failed: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    },
    // `query` is compared through `queryKey`.
    [queryKey],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      visible.current = [first, last];
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page += 1) {
        if (!pages.current.has(page)) fetchPage(page);
      }
    },
    [fetchPage],
  );

  // A new query drops the cache; a refresh keeps showing the old rows until the new ones arrive.
  const cachedQuery = useRef(queryKey);
  useEffect(() => {
    generation.current += 1;
    if (cachedQuery.current !== queryKey) {
      cachedQuery.current = queryKey;
      pages.current = new Map();
    }
    inFlight.current = new Set();
    const [first, last] = visible.current;
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page += 1) fetchPage(page);
  }, [fetchPage, refreshKey, queryKey]);

  return {
    total,
    loading,
    ensure,
    at: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] ?? null,
  };
}
