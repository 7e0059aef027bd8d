import { GpPanel } from '../../../components/sweeps/gp-panel';
import { Nsga2Panel } from '../../../components/sweeps/nsga2-panel';

/** Searching instead of sweeping: NSGA-II over a policy's parameters, and evolved job-shop priority rules. */
export default function Search() {
  return (
    <div className="lab">
      <header className="lab-bar">
        <a href="/" className="brand">
          SchedLab
        </a>
        <span className="muted">
          <a href="/sweeps">Sweeps</a> · parameter search
        </span>
      </header>
      <Nsga2Panel />
      <GpPanel />
    </div>
  );
}
