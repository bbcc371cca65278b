import { ProgressBar } from '../../components/ProgressBar';
import { describeUsage, usageFraction, type LibraryUsageView } from './usage';

/** The quota in words and a bar: `12 of 500 items · 1.2 GB of 5 GB`. */
export function UsageMeter({ usage }: { usage: LibraryUsageView }) {
  return (
    <div className="library-usage" data-testid="library-usage">
      <span>{describeUsage(usage)}</span>
      <ProgressBar fraction={usageFraction(usage)} label="Library space used" />
    </div>
  );
}
