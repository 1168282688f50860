/** Strings of the search pages and the header's search box. Owned with the search module. */
const id = {
  boxLabel: "Cari produk",
  boxPlaceholder: "Cari keripik, sambal, kopi…",
  submit: "Cari",
};

const en: { [K in keyof typeof id]: string } = {
  boxLabel: "Search products",
  boxPlaceholder: "Search chips, sambal, coffee…",
  submit: "Search",
};

export default { id, en };
