/**
 * Error page strings. A namespace of its own because the browser bundles it: the error page must have
 * words even when the root loader (which sends the rest of the catalog) failed.
 */
const id = {
  required: "Wajib diisi.",
  emailInvalid: "Tulis alamat email yang benar, misalnya nama@contoh.com.",
  passwordTooShort: "Kata sandi paling sedikit 8 karakter.",
  passwordTooLong: "Kata sandi paling banyak 72 karakter.",
  nameTooShort: "Tulis nama Anda, paling sedikit 2 huruf.",
  tooLong: "Terlalu panjang.",
  invalidCredentials: "Email atau kata sandi salah.",
  emailTaken: "Email ini sudah terdaftar. Silakan masuk.",
  tooManyAttempts: "Terlalu banyak percobaan masuk. Coba lagi dalam {{minutes}} menit.",
  accountDisabled: "Akun ini dinonaktifkan. Hubungi admin.",
  chooseRole: "Pilih paling sedikit satu peran.",
  chooseHousehold: "Pilih keluarga yang benar.",
  notFoundTitle: "Halaman tidak ditemukan",
  notFoundBody: "Alamat yang Anda buka tidak ada. Periksa kembali alamatnya atau kembali ke beranda.",
  forbiddenTitle: "Anda tidak punya akses",
  forbiddenBody: "Halaman ini hanya untuk peran tertentu. Masuk dengan akun yang sesuai.",
  badRequestTitle: "Permintaan tidak bisa diproses",
  serverTitle: "Maaf, ada kesalahan di sistem kami",
  serverBody: "Silakan coba lagi sebentar lagi. Jika masih terjadi, hubungi admin.",
  backHome: "Kembali ke beranda",
};

const en: { [K in keyof typeof id]: string } = {
  required: "Required.",
  emailInvalid: "Enter a valid email address, for example name@example.com.",
  passwordTooShort: "The password needs at least 8 characters.",
  passwordTooLong: "The password can have at most 72 characters.",
  nameTooShort: "Enter your name, at least 2 letters.",
  tooLong: "Too long.",
  invalidCredentials: "Wrong email or password.",
  emailTaken: "This email is already registered. Please log in.",
  tooManyAttempts: "Too many login attempts. Try again in {{minutes}} minutes.",
  accountDisabled: "This account is disabled. Contact the admin.",
  chooseRole: "Choose at least one role.",
  chooseHousehold: "Choose a valid household.",
  notFoundTitle: "Page not found",
  notFoundBody: "The address you opened does not exist. Check it or go back to the home page.",
  forbiddenTitle: "You do not have access",
  forbiddenBody: "This page is only for certain roles. Log in with the right account.",
  badRequestTitle: "The request could not be processed",
  serverTitle: "Sorry, something went wrong on our side",
  serverBody: "Please try again in a moment. If it keeps happening, contact the admin.",
  backHome: "Back to the home page",
};

export default { id, en };
