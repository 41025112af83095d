/** Sources and notes shared by the claims of this paper. */

export const GLPR = { work: 'Geshkovski, Letrouit, Polyanskiy & Rigollet 2023', arxiv: '2312.10794' } as const;
export const CODE = { work: 'borjanG/2023-transformers-rotf', tag: 'author-code' } as const;
export const SPEC = { work: 'spec attention-dynamics-clustering' } as const;

/** The misprints the spec found (§7), attached to the claims that depend on them. */
export const TYPO_6_8 =
  'Erratum (spec §7.1): (6.8) prints the rate $1/(2ne^{\\beta})$, but (6.7) gives $1/(2ne^{2\\beta})$ (it uses $a_{ij}\\ge n^{-1}e^{-2\\beta}$); ' +
  'the $e^{\\beta}$ version is valid for USA only. We test the safe form $1-\\alpha(t)\\le\\tfrac12e^{-(t-t_0)/(2ne^{2\\beta})}$.';
export const TYPO_3_7 =
  'Erratum (spec §7.2): (3.7) writes $\\mathcal X[\\mu]=\\nabla\\log\\int\\beta^{-1}e^{\\beta\\langle x,y\\rangle}d\\mu(y)$; the correct identity is ' +
  '$\\mathcal X[\\mu]=\\beta^{-1}\\nabla\\log\\int e^{\\beta\\langle x,y\\rangle}d\\mu(y)$ (off by a factor β as printed). (3.15) has the same scaling issue.';
export const THM51_CONST =
  'Inconsistency (spec §7.3): Figure 2 and §7 quote the d = 2 threshold $\\beta\\ge n^2/\\pi^2$; the proof of Thm 5.1 (App. B) gives ' +
  '$(n-1)\\tau^*_\\beta<\\pi/2$, i.e. $\\beta>\\beta_{5.1}(n,d)=(d-1)\\cos\\tau_n/\\sin^2\\tau_n$, $\\tau_n=\\pi/(2(n-1))$ ≈ $4(d-1)(n-1)^2/\\pi^2$. We sample above the proof’s threshold.';
export const HORIZON =
  'Finite horizon: “almost surely converges” is tested as the event $\\max_{i\\ne j}\\tfrac12\\|x_i(T)-x_j(T)\\|^2\\le\\delta$ (δ = 1e-6, i.e. $m(T)\\ge1-\\delta$) ' +
  'at a horizon T calibrated by a float64 pilot of 200 seeds with no failure (spec P10); failing seeds are re-run to 10T before they count as failures.';
export const PROBABILISTIC_RULE =
  'Proportion of independent uniform initialisations (fixed seed) that cluster by T, with an exact two-sided Clopper–Pearson interval at level 0.999 ' +
  '(false-alarm level 1e-3): verified if the lower end ≥ p₀ = 0.95, violated if the upper end < p₀, inconclusive otherwise. The theorem says p = 1 as T → ∞; ' +
  'p₀ = 0.95 leaves room for the horizon effect and is the strongest level 200 trials can certify (0 failures in 200 give a lower end of 0.963).';
