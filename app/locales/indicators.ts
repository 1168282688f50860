/** Graduation indicators: income, poverty line ratio, readiness, evidence. */
const id = {
  title: "-",
};

const en: typeof id = {
  title: "-",
};

export default { id, en };
