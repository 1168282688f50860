/** Program dashboard, data exchange exports and tokens, reference data uploads. */
const id = {
  title: "-",
};

const en: typeof id = {
  title: "-",
};

export default { id, en };
