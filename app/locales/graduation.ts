/** Graduation workflow: assessments, proposals, verifier decisions. */
const id = {
  title: "-",
};

const en: typeof id = {
  title: "-",
};

export default { id, en };
