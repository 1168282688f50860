/** Facilitator workspace: households, onboarding, KUBE groups, coaching log. */
const id = {
  title: "-",
};

const en: typeof id = {
  title: "-",
};

export default { id, en };
