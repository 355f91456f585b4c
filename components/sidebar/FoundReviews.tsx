import { useState } from 'preact/hooks';
import type { FoundReview } from '../../lib/dataset/claimreview';
import { ask } from '../../platform/messaging';
import { useT } from '../i18n';
import { errorText } from '../error-text';

/** The fact-checks a page publishes as ClaimReview, each with "Add to dataset" (rating and review URL kept as its source). */
export function FoundReviews({ tabId, reviews }: { tabId: number; reviews: FoundReview[] }) {
  const t = useT();
  const [done, setDone] = useState<Record<number, string>>({});
  if (!reviews.length) return null;
  const add = async (i: number) => {
    try {
      const r = await ask({ type: 'layer/add-review', tabId, index: i });
      setDone({ ...done, [i]: r.added ? t('dataset.reviewAdded') : t('dataset.reviewAlready') });
    } catch (e) {
      setDone({ ...done, [i]: errorText(t, e) });
    }
  };
  return (
    <section class="panel found-reviews" aria-labelledby="reviews-h" data-testid="found-reviews">
      <h2 id="reviews-h">{t('dataset.reviewsTitle')}</h2>
      <p class="hint">{t('dataset.reviewsHint')}</p>
      <ol class="claims">
        {reviews.map((r, i) => (
          <li key={`${r.url}-${i}`} class="claim" data-testid="found-review">
            <p class="page-text">{r.claimReviewed}</p>
            <p class="muted">
              {r.rating && <strong>{t('dataset.reviewRating', { rating: r.rating })}</strong>} {r.publisher && t('dataset.reviewBy', { publisher: r.publisher })}
            </p>
            {done[i] ? (
              <p role="status" class="muted">
                {done[i]}
              </p>
            ) : (
              <button type="button" class="link" onClick={() => void add(i)} data-testid="review-add">
                {t('dataset.addToDataset')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
