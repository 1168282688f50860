/** Strings of category pages, filters, sorting and pagination. */
const id = {
  categories: "Kategori",
};

const en: { [K in keyof typeof id]: string } = {
  categories: "Categories",
};

export default { id, en };
