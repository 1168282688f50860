/**
 * Demo data for Pasar Mandiri: `tsx prisma/seed.ts` (or `npx prisma db seed`).
 *
 * Deterministic (faker seeded with a fixed number, no Math.random): the same reference date gives the
 * same data. The reference date is now, or SEED_REFERENCE_DATE=YYYY-MM-DD (taken as 20:00 WIB that day).
 * Does nothing when a User row exists; `--force` or SEED_FORCE=1 wipes the demo tables and seeds again.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fakerID_ID as faker } from "@faker-js/faker";
import bcrypt from "bcryptjs";
import sharp from "sharp";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type {
  AreaType,
  PaymentMethod,
  PaymentProvider,
  PaymentStatus,
  ProductStatus,
  Role,
  StoreOrderStatus,
} from "~/generated/prisma/enums";
import { processProductImage, storeProcessedImage } from "~/models/image-pipeline.server";
import { completionEntries } from "~/models/ledger.server";
import { seedGraduation } from "./seed-graduation";
import { seedCoachingSessions } from "./seed-coaching";
import { seededRandom } from "./seeded-random";
import { loadPovertyLines } from "~/models/poverty-line.server";
import { loadRegions } from "~/models/region.server";
import type { ImageStorage } from "~/services/image-storage.server";

export const DEMO_PASSWORD = "pasar-mandiri-demo";
export const FAKER_SEED = 20190301;
const ORDER_HISTORY_DAYS = 182;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WIB_OFFSET = 7 * HOUR;
const POVERTY_LINES_CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), "data", "poverty-lines-bps.csv");

// ---------------------------------------------------------------- the catalog, written by hand

export const CATEGORIES = [
  { slug: "keripik-camilan", nameId: "Keripik & Camilan", nameEn: "Chips & Snacks" },
  { slug: "sambal", nameId: "Sambal", nameEn: "Chili Sauces" },
  { slug: "kue-kering", nameId: "Kue Kering", nameEn: "Cookies" },
  { slug: "kopi", nameId: "Kopi", nameEn: "Coffee" },
  { slug: "madu", nameId: "Madu", nameEn: "Honey" },
  { slug: "gula-aren", nameId: "Gula Aren & Gula Kelapa", nameEn: "Palm & Coconut Sugar" },
  { slug: "olahan-ikan", nameId: "Olahan Ikan", nameEn: "Fish Products" },
  { slug: "batik-tenun", nameId: "Batik & Tenun", nameEn: "Batik & Woven Cloth" },
  { slug: "anyaman", nameId: "Anyaman", nameEn: "Woven Crafts" },
  { slug: "kerajinan-bambu", nameId: "Kerajinan Bambu", nameEn: "Bamboo Crafts" },
  { slug: "sabun-herbal", nameId: "Sabun Herbal", nameEn: "Herbal Soap" },
] as const;
export type CategorySlug = (typeof CATEGORIES)[number]["slug"];

interface VariantSpec {
  name: string;
  priceIdr: number;
  costIdr: number;
  weightGrams: number;
}
interface ProductSpec {
  title: string;
  category: CategorySlug;
  description: string;
  variants: VariantSpec[];
  status?: ProductStatus;
}
interface StoreSpec {
  slug: string;
  name: string;
  description: string;
  story: string;
  products: ProductSpec[];
}

const v = (name: string, priceIdr: number, costIdr: number, weightGrams: number): VariantSpec => ({ name, priceIdr, costIdr, weightGrams });

/** Households in program order; the seller account `penjualNN` belongs to household NN. */
export const HOUSEHOLDS = [
  { regency: ["32", "Kabupaten Garut"], areaType: "RURAL", facilitator: "sari", seller: "Enah Suryani" },
  { regency: ["32", "Kabupaten Tasikmalaya"], areaType: "URBAN", facilitator: "sari", seller: "Imas Masitoh" },
  { regency: ["32", "Kabupaten Garut"], areaType: "RURAL", facilitator: "sari", seller: "Ujang Rohendi" },
  { regency: ["32", "Kabupaten Tasikmalaya"], areaType: "RURAL", facilitator: "sari", seller: "Euis Kurniasih" },
  { regency: ["33", "Kabupaten Banyumas"], areaType: "RURAL", facilitator: "sari", seller: "Tarsih Rahayu" },
  { regency: ["33", "Kabupaten Banyumas"], areaType: "RURAL", facilitator: "sari", seller: "Sumini Lestari" },
  { regency: ["33", "Kabupaten Pekalongan"], areaType: "URBAN", facilitator: "budi", seller: "Kusrini Handayani" },
  { regency: ["33", "Kabupaten Wonosobo"], areaType: "RURAL", facilitator: "budi", seller: "Rini Astuti" },
  { regency: ["53", "Kabupaten Sumba Timur"], areaType: "RURAL", facilitator: "budi", seller: "Marta Lunggi" },
  { regency: ["53", "Kabupaten Sumba Timur"], areaType: "RURAL", facilitator: "budi", seller: "Yuliana Tamar Ratu" },
  { regency: ["53", "Kabupaten Sumba Timur"], areaType: "RURAL", facilitator: "budi", seller: "Agustina Konda" },
  { regency: ["53", "Kabupaten Sumba Timur"], areaType: "RURAL", facilitator: "budi", seller: "Katarina Rambu Lika" },
  { regency: ["53", "Kota Kupang"], areaType: "URBAN", facilitator: "budi", seller: "Ince Ndoen" },
] as const satisfies readonly { regency: readonly [string, string]; areaType: AreaType; facilitator: "sari" | "budi"; seller: string }[];

/** Households 9–12 (1-based) form the KUBE; their income shares in basis points add up to 10000. */
export const KUBE = {
  name: "KUBE Anyaman Pandan Kambera",
  regency: ["53", "Kabupaten Sumba Timur"] as const,
  members: [
    { household: 9, shareBasisPoints: 3000 },
    { household: 10, shareBasisPoints: 2500 },
    { household: 11, shareBasisPoints: 2500 },
    { household: 12, shareBasisPoints: 2000 },
  ],
};

/** `owner` is a 1-based household number, or "kube". */
export const STORES: (StoreSpec & { owner: number | "kube" })[] = [
  {
    owner: 1,
    slug: "keripik-singkong-bu-enah",
    name: "Keripik Singkong Bu Enah",
    description: "Keripik singkong, pisang, dan opak rumahan dari Cisompet, Garut. Digoreng setiap Senin dan Kamis.",
    story:
      "Bu Enah mulai menggoreng keripik di dapur rumahnya pada 2021 dengan modal satu karung singkong dari kebun tetangga. Dulu dititip di warung dekat sekolah, sekarang dikirim sampai Jakarta dan Kupang. Suaminya yang mengupas dan mengiris, anak sulungnya yang mengurus pesanan di HP.",
    products: [
      {
        title: "Keripik Singkong Balado Pedas Manis",
        category: "keripik-camilan",
        description:
          "Singkong dari kebun tetangga di Garut, diiris tipis lalu digoreng dua kali supaya renyah. Bumbu balado dibuat sendiri dari cabai merah, bawang, dan sedikit gula aren. Tanpa pengawet, tahan sekitar dua bulan dalam kemasan tertutup.",
        variants: [v("100 g", 8_000, 5_000, 150), v("250 g", 17_000, 11_000, 320), v("500 g", 32_000, 21_000, 600)],
      },
      {
        title: "Keripik Singkong Original Bawang Putih",
        category: "keripik-camilan",
        description:
          "Rasa asin gurih bawang putih, cocok untuk teman ngopi atau lauk tambahan. Digoreng dengan minyak baru setiap hari produksi.",
        variants: [v("100 g", 7_000, 4_500, 150), v("250 g", 15_000, 9_500, 320), v("500 g", 28_000, 18_500, 600)],
      },
      {
        title: "Keripik Pisang Tanduk Manis",
        category: "keripik-camilan",
        description:
          "Pisang tanduk tua diiris memanjang lalu dilapisi karamel gula aren tipis. Manisnya pas, tidak bikin eneg.",
        variants: [v("250 g", 20_000, 13_000, 320), v("500 g", 38_000, 25_000, 600)],
      },
      {
        title: "Opak Ketan Bakar Khas Garut",
        category: "keripik-camilan",
        description:
          "Opak dari beras ketan dan kelapa parut, dijemur dua hari lalu dibakar di atas bara. Renyah, gurih, dan wangi kelapa.",
        variants: [v("Isi 10 lembar", 12_000, 7_000, 200), v("Isi 20 lembar", 22_000, 13_500, 380)],
      },
      {
        title: "Rengginang Terasi Mentah",
        category: "keripik-camilan",
        description:
          "Rengginang belum digoreng, jadi bisa disimpan lama. Goreng sebentar di minyak panas, langsung mekar dan gurih terasi.",
        variants: [v("250 g", 14_000, 8_500, 300), v("500 g", 26_000, 16_000, 560)],
      },
    ],
  },
  {
    owner: 2,
    slug: "sambal-ceu-imas",
    name: "Sambal Ceu Imas",
    description: "Sambal botol masakan rumah dari Singaparna, Tasikmalaya. Dimasak matang dengan minyak kelapa, tanpa pengawet.",
    story:
      "Ceu Imas dulu berjualan nasi kuning di depan rumah. Pelanggan selalu minta sambalnya dibungkus untuk dibawa pulang, jadi sejak 2022 sambal itu dibotolkan. Pendamping PKH membantu mengurus izin PIRT dan label kemasan.",
    products: [
      {
        title: "Sambal Bawang Pedas Level 3",
        category: "sambal",
        description:
          "Cabai rawit, bawang merah, dan bawang putih ditumis lama dengan minyak kelapa. Pedasnya nendang, awet tiga bulan tanpa pengawet.",
        variants: [v("Botol 150 ml", 22_000, 12_000, 300), v("Botol 250 ml", 32_000, 18_000, 450)],
      },
      {
        title: "Sambal Cumi Asin",
        category: "sambal",
        description: "Cumi asin dari Pangandaran dipotong kecil dan dimasak dengan sambal merah. Tinggal sendok ke nasi hangat.",
        variants: [v("Botol 150 ml", 35_000, 21_000, 300), v("Botol 250 ml", 52_000, 32_000, 450)],
      },
      {
        title: "Sambal Terasi Matang",
        category: "sambal",
        description: "Terasi udang dibakar, diulek bersama cabai merah dan tomat, lalu dimasak sampai matang supaya tahan lama.",
        variants: [v("Botol 150 ml", 20_000, 11_000, 300), v("Botol 250 ml", 30_000, 17_000, 450)],
      },
      {
        title: "Sambal Teri Kacang",
        category: "sambal",
        description: "Teri goreng garing, kacang tanah sangrai, dan sambal manis pedas. Favorit anak kos dan bekal sekolah.",
        variants: [v("Botol 150 ml", 28_000, 16_500, 300)],
      },
      {
        title: "Sambal Ijo Tongkol",
        category: "sambal",
        status: "DRAFT",
        description: "Resep baru, masih uji daya tahan. Cabai hijau, tomat hijau, dan suwiran ikan tongkol.",
        variants: [v("Botol 150 ml", 30_000, 18_000, 300)],
      },
    ],
  },
  {
    owner: 3,
    slug: "kopi-cikajang-mang-ujang",
    name: "Kopi Cikajang Mang Ujang",
    description: "Kopi arabika dan robusta dari lereng Gunung Cikuray, Garut. Dipetik merah, disangrai sendiri dalam jumlah kecil.",
    story:
      "Mang Ujang menggarap kebun kopi milik perhutani bersama kelompok tani sejak 2018. Dulu semua ceri dijual ke tengkulak. Setelah ikut pelatihan sangrai dari pendamping, sebagian panen kini diolah sendiri dan dijual dengan nama keluarga.",
    products: [
      {
        title: "Kopi Arabika Cikajang Bubuk",
        category: "kopi",
        description:
          "Ditanam di ketinggian 1.300 mdpl, diproses natural. Sangrai medium, digiling sedang; cocok untuk tubruk atau V60. Aroma gula aren dan buah.",
        variants: [v("100 g", 28_000, 17_000, 150), v("250 g", 62_000, 38_000, 320), v("500 g", 118_000, 74_000, 600)],
      },
      {
        title: "Kopi Arabika Cikajang Biji Sangrai",
        category: "kopi",
        description: "Biji utuh, sangrai medium. Giling sendiri sesaat sebelum diseduh supaya aromanya tidak cepat hilang.",
        variants: [v("250 g", 65_000, 40_000, 320), v("500 g", 122_000, 76_000, 600)],
      },
      {
        title: "Kopi Robusta Garut Bubuk",
        category: "kopi",
        description: "Robusta kebun sendiri, sangrai agak gelap. Pahitnya tebal, enak dicampur susu kental manis.",
        variants: [v("250 g", 35_000, 21_000, 320), v("500 g", 65_000, 40_000, 600)],
      },
      {
        title: "Kopi Tubruk Campur Jahe Merah",
        category: "kopi",
        description: "Robusta dicampur jahe merah kering yang ditumbuk kasar. Hangat di badan; seduh dengan air mendidih dan diamkan empat menit.",
        variants: [v("250 g", 32_000, 19_000, 320)],
      },
      {
        title: "Teh Kulit Kopi (Cascara)",
        category: "kopi",
        description: "Kulit buah kopi yang dijemur sampai kering, diseduh seperti teh. Rasanya manis asam seperti buah kering.",
        variants: [v("100 g", 25_000, 14_000, 150)],
      },
    ],
  },
  {
    owner: 4,
    slug: "anyaman-mendong-rajapolah",
    name: "Anyaman Mendong Rajapolah",
    description: "Tas, tikar, dan perabot anyaman mendong dan bambu buatan tangan dari Rajapolah, Tasikmalaya.",
    story:
      "Teh Euis belajar menganyam dari ibunya sejak kecil. Mendong dipanen dari sawah sendiri, dijemur, lalu diwarnai. Ia mengerjakan pesanan bersama tiga tetangga; satu tas sedang selesai dalam dua hari.",
    products: [
      {
        title: "Tas Anyaman Mendong Motif Kotak",
        category: "anyaman",
        description: "Tas jinjing mendong dengan lapisan kain di dalam dan pegangan kulit sintetis. Kuat untuk belanja ke pasar.",
        variants: [v("Kecil (25 cm)", 65_000, 38_000, 350), v("Sedang (35 cm)", 85_000, 50_000, 500)],
      },
      {
        title: "Tikar Mendong Lipat 120 × 180 cm",
        category: "anyaman",
        description: "Tikar mendong tebal dengan pinggiran kain, bisa dilipat empat. Adem untuk lesehan dan salat.",
        variants: [v("120 × 180 cm", 120_000, 72_000, 1_800)],
      },
      {
        title: "Boboko Bambu (Bakul Nasi)",
        category: "kerajinan-bambu",
        description: "Bakul nasi anyaman bambu tali dengan kaki kayu. Nasi tetap pulen dan tidak cepat basi.",
        variants: [v("Diameter 18 cm", 30_000, 17_000, 400), v("Diameter 24 cm", 42_000, 24_000, 600)],
      },
      {
        title: "Tudung Saji Bambu Anyam",
        category: "kerajinan-bambu",
        description: "Tudung saji bambu dengan anyaman rapat dan bingkai rotan. Ringan dan tahan lama.",
        variants: [v("Diameter 45 cm", 55_000, 32_000, 700), v("Diameter 55 cm", 70_000, 41_000, 900)],
      },
      {
        title: "Tampah Bambu Serbaguna",
        category: "kerajinan-bambu",
        description: "Tampah untuk menampi beras, menjemur kerupuk, atau alas tumpeng. Bingkai bambu dijahit rotan.",
        variants: [v("Diameter 40 cm", 25_000, 14_000, 500), v("Diameter 50 cm", 32_000, 18_000, 700), v("Diameter 60 cm", 40_000, 23_000, 900)],
      },
    ],
  },
  {
    owner: 5,
    slug: "kue-kering-bu-tarsih",
    name: "Kue Kering Bu Tarsih",
    description: "Kue kering rumahan dari Purwokerto, dipanggang dengan oven tangkring. Pakai mentega dan keju asli.",
    story:
      "Bu Tarsih membuat kue kering setiap menjelang Lebaran untuk tetangga. Sejak ikut PKH ia menabung untuk membeli oven kedua, sehingga pesanan bisa dilayani sepanjang tahun, bukan hanya musim hari raya.",
    products: [
      {
        title: "Nastar Selai Nanas Asli",
        category: "kue-kering",
        description: "Selai nanas dimasak sendiri dari nanas segar, bukan selai instan. Kulitnya lembut dan lumer di mulut.",
        variants: [v("Toples 250 g", 45_000, 28_000, 450), v("Toples 500 g", 85_000, 54_000, 800)],
      },
      {
        title: "Kastengel Keju Edam",
        category: "kue-kering",
        description: "Kastengel renyah dengan keju edam di adonan dan taburan keju cheddar di atasnya.",
        variants: [v("Toples 250 g", 50_000, 32_000, 450), v("Toples 500 g", 95_000, 61_000, 800)],
      },
      {
        title: "Putri Salju Kacang Mede",
        category: "kue-kering",
        description: "Kue bulan sabit dengan kacang mede sangrai, dibalur gula halus yang tidak mudah meleleh.",
        variants: [v("Toples 250 g", 42_000, 26_000, 450)],
      },
      {
        title: "Lidah Kucing Pandan",
        category: "kue-kering",
        description: "Tipis, renyah, dan wangi daun pandan asli yang diblender sendiri.",
        variants: [v("Toples 250 g", 38_000, 23_000, 450)],
      },
      {
        title: "Parsel Kue Lebaran Isi 4 Toples",
        category: "kue-kering",
        status: "ARCHIVED",
        description: "Paket Lebaran tahun lalu: nastar, kastengel, putri salju, dan lidah kucing. Dibuka lagi menjelang Lebaran berikutnya.",
        variants: [v("Isi 4 toples", 165_000, 108_000, 1_900)],
      },
    ],
  },
  {
    owner: 6,
    slug: "gula-semut-bu-sumini",
    name: "Gula Semut Bu Sumini",
    description: "Gula kelapa dari Cilongok, Banyumas. Nira disadap pagi dan sore, dimasak di tungku kayu.",
    story:
      "Suami Bu Sumini menyadap nira dari 30 pohon kelapa milik tetangga dengan sistem bagi hasil. Dulu semuanya dijual sebagai gula cetak ke pengepul. Sekarang sebagian diolah menjadi gula semut yang harganya dua kali lipat.",
    products: [
      {
        title: "Gula Semut Kelapa Organik",
        category: "gula-aren",
        description: "Butiran halus yang mudah larut untuk kopi, teh, dan kue. Tanpa campuran gula pasir.",
        variants: [v("250 g", 18_000, 10_500, 300), v("500 g", 32_000, 19_000, 560), v("1 kg", 60_000, 36_000, 1_080)],
      },
      {
        title: "Gula Kelapa Cetak (Gula Jawa)",
        category: "gula-aren",
        description: "Gula jawa cetak batok, warnanya cokelat muda dan harum. Cocok untuk bubur, kolak, dan sambal.",
        variants: [v("500 g", 15_000, 9_000, 540), v("1 kg", 28_000, 17_000, 1_060)],
      },
      {
        title: "Gula Semut Jahe Merah",
        category: "gula-aren",
        description: "Gula semut dicampur bubuk jahe merah. Tinggal seduh air panas untuk wedang jahe.",
        variants: [v("250 g", 22_000, 13_000, 300)],
      },
      {
        title: "Gula Semut Kayu Manis",
        category: "gula-aren",
        description: "Gula semut dengan kayu manis bubuk. Enak untuk taburan roti bakar dan pisang goreng.",
        variants: [v("250 g", 22_000, 13_000, 300)],
      },
      {
        title: "Gula Kelapa Cair",
        category: "gula-aren",
        description: "Nira kelapa yang dimasak sampai kental seperti madu. Untuk es dawet, pancake, atau bumbu masakan.",
        variants: [v("Botol 250 ml", 20_000, 11_500, 380), v("Botol 500 ml", 36_000, 21_000, 700)],
      },
    ],
  },
  {
    owner: 7,
    slug: "batik-tulis-bu-kusrini",
    name: "Batik Tulis Bu Kusrini",
    description: "Batik tulis dan cap pesisiran dari Pekalongan. Digambar dan diwarnai sendiri di rumah.",
    story:
      "Bu Kusrini bekerja sebagai pembatik upahan selama lima belas tahun. Dengan bantuan modal usaha dan pendampingan, ia kini membatik kain sendiri dan menjualnya langsung, sehingga hasilnya tidak lagi hanya upah harian.",
    products: [
      {
        title: "Kain Batik Tulis Motif Jlamprang",
        category: "batik-tenun",
        description: "Kain katun primisima, motif jlamprang khas Pekalongan, dikerjakan sekitar tiga minggu. Ukuran 2 × 1,15 m.",
        variants: [v("2 × 1,15 m", 450_000, 280_000, 350)],
      },
      {
        title: "Kain Batik Cap Motif Buketan",
        category: "batik-tenun",
        description: "Motif bunga buketan pesisiran dengan warna cerah. Katun halus, tidak luntur. Ukuran 2 × 1,15 m.",
        variants: [v("2 × 1,15 m", 165_000, 98_000, 350)],
      },
      {
        title: "Kemeja Batik Cap Pria Lengan Pendek",
        category: "batik-tenun",
        description: "Kemeja katun dengan furing di bagian depan. Dijahit penjahit kampung, jahitan rapi.",
        variants: [v("M", 135_000, 82_000, 300), v("L", 135_000, 82_000, 320), v("XL", 145_000, 88_000, 340)],
      },
      {
        title: "Selendang Batik Tulis Pewarna Alam",
        category: "batik-tenun",
        description: "Selendang sutra ATBM dengan pewarna kayu tingi dan indigo. Warnanya lembut dan tiap helai sedikit berbeda.",
        variants: [v("200 × 50 cm", 275_000, 170_000, 150)],
      },
      {
        title: "Kain Batik Tulis Motif Tujuh Rupa (Edisi Lama)",
        category: "batik-tenun",
        status: "ARCHIVED",
        description: "Motif tujuh rupa dengan warna sogan. Stok habis dan tidak dibuat lagi dalam warna ini.",
        variants: [v("2 × 1,15 m", 400_000, 250_000, 350)],
      },
    ],
  },
  {
    owner: 8,
    slug: "sabun-herbal-mbak-rini",
    name: "Sabun Herbal Mbak Rini",
    description: "Sabun batang cold process dari Wonosobo, memakai minyak kelapa dan bahan dari kebun sendiri.",
    story:
      "Mbak Rini belajar membuat sabun dari pelatihan KUBE di balai desa. Sereh, kunyit, dan daun sirih ditanam di pekarangan; kopinya dari kebun saudara di lereng Sindoro. Setiap batang dikeringkan empat minggu sebelum dijual.",
    products: [
      {
        title: "Sabun Sereh Wangi",
        category: "sabun-herbal",
        description: "Segar dan wangi sereh, cocok untuk mandi pagi. Busa lembut, tidak membuat kulit kering.",
        variants: [v("1 batang (100 g)", 15_000, 7_500, 130), v("Isi 3 batang", 40_000, 21_000, 380)],
      },
      {
        title: "Sabun Kopi Scrub",
        category: "sabun-herbal",
        description: "Ampas kopi halus sebagai scrub alami untuk mengangkat sel kulit mati. Wangi kopi sangrai.",
        variants: [v("1 batang (100 g)", 17_000, 8_500, 130), v("Isi 3 batang", 45_000, 23_500, 380)],
      },
      {
        title: "Sabun Kunyit Madu",
        category: "sabun-herbal",
        description: "Kunyit parut dan madu lokal. Warnanya kuning cerah; banyak dipakai untuk kulit kusam.",
        variants: [v("1 batang (100 g)", 16_000, 8_000, 130)],
      },
      {
        title: "Sabun Daun Sirih",
        category: "sabun-herbal",
        description: "Rebusan daun sirih hijau dalam adonan sabun. Lembut untuk kulit sensitif.",
        variants: [v("1 batang (100 g)", 15_000, 7_500, 130)],
      },
      {
        title: "Sabun Carica Dieng",
        category: "sabun-herbal",
        status: "DRAFT",
        description: "Masih dalam masa pengeringan empat minggu. Dibuka akhir bulan ini.",
        variants: [v("1 batang (100 g)", 18_000, 9_000, 130)],
      },
    ],
  },
  {
    owner: 9,
    slug: "madu-hutan-mama-marta",
    name: "Madu Hutan Mama Marta",
    description: "Madu hutan liar dari Sumba Timur, dipanen dari pohon di hutan adat tanpa dipanaskan.",
    story:
      "Keluarga Mama Marta memanen madu dua kali setahun bersama kelompok pemanen di kampung. Madu disaring dengan kain, dibiarkan mengendap, lalu dibotolkan di rumah. Hasil penjualan dipakai untuk biaya sekolah ketiga anaknya di Waingapu.",
    products: [
      {
        title: "Madu Hutan Sumba Mentah",
        category: "madu",
        description: "Madu hutan tanpa dipanaskan dan tanpa campuran. Rasanya kuat dengan sedikit asam; bisa mengkristal di suhu dingin, itu tanda alami.",
        variants: [v("Botol 250 g", 75_000, 45_000, 420), v("Botol 500 g", 140_000, 86_000, 720), v("Botol 1 kg", 265_000, 165_000, 1_350)],
      },
      {
        title: "Madu Sarang Sumba (Comb Honey)",
        category: "madu",
        description: "Potongan sarang lebah utuh berisi madu, dikemas dalam kotak mika. Sarangnya bisa dikunyah.",
        variants: [v("Kotak 300 g", 110_000, 68_000, 450)],
      },
      {
        title: "Madu Hutan Sachet Isi 20",
        category: "madu",
        description: "Dua puluh sachet 15 g, praktis untuk bekal kerja atau anak sekolah.",
        variants: [v("Isi 20 sachet", 55_000, 33_000, 380)],
      },
      {
        title: "Madu Kelulut Sumba",
        category: "madu",
        description: "Madu dari lebah tanpa sengat (kelulut) yang dipelihara di kotak kayu. Rasanya asam segar dan lebih encer.",
        variants: [v("Botol 250 g", 120_000, 75_000, 420)],
      },
      {
        title: "Lilin Lebah Murni",
        category: "madu",
        description: "Malam lebah yang sudah disaring, dicetak batangan. Untuk membatik, membuat lilin, atau perawatan kayu.",
        variants: [v("100 g", 30_000, 17_000, 150)],
      },
    ],
  },
  {
    owner: 10,
    slug: "tenun-ikat-mama-yuliana",
    name: "Tenun Ikat Mama Yuliana",
    description: "Tenun ikat Sumba Timur dengan pewarna alam: mengkudu untuk merah, nila untuk biru.",
    story:
      "Mama Yuliana menenun sejak umur dua belas tahun. Satu kain hinggi besar bisa dikerjakan tiga sampai enam bulan, dari memintal benang, mengikat motif, mencelup berulang kali, sampai menenun. Di toko ini tertulis siapa yang menenun setiap kain.",
    products: [
      {
        title: "Kain Tenun Ikat Sumba Motif Kuda",
        category: "batik-tenun",
        description: "Hinggi dengan motif kuda dan udang, pewarna mengkudu dan nila. Sekitar 250 × 110 cm; dikerjakan lima bulan.",
        variants: [v("250 × 110 cm", 1_750_000, 1_100_000, 900)],
      },
      {
        title: "Sarung Tenun Sumba (Lau)",
        category: "batik-tenun",
        description: "Sarung perempuan Sumba Timur dengan motif mamuli. Benang katun pintal, dijahit melingkar.",
        variants: [v("Satu ukuran", 1_250_000, 780_000, 800)],
      },
      {
        title: "Selendang Tenun Ikat Pewarna Alam",
        category: "batik-tenun",
        description: "Selendang ringan untuk acara adat atau dipakai sehari-hari. Ukuran sekitar 180 × 45 cm.",
        variants: [v("180 × 45 cm", 350_000, 210_000, 250)],
      },
      {
        title: "Syal Tenun Sumba Motif Mamuli",
        category: "batik-tenun",
        description: "Syal kecil dengan motif mamuli, perhiasan khas Sumba. Cocok untuk oleh-oleh.",
        variants: [v("150 × 25 cm", 225_000, 135_000, 180)],
      },
      {
        title: "Taplak Meja Tenun Ikat",
        category: "batik-tenun",
        description: "Taplak meja dari sisa benang tenun, motif belah ketupat. Ukuran sekitar 100 × 100 cm.",
        variants: [v("100 × 100 cm", 175_000, 105_000, 400)],
      },
    ],
  },
  {
    owner: "kube",
    slug: "kube-anyaman-pandan-sumba",
    name: "KUBE Anyaman Pandan Sumba",
    description: "Anyaman pandan duri dari empat keluarga di Kambera, Sumba Timur. Hasil penjualan dibagi sesuai kesepakatan kelompok.",
    story:
      "Empat ibu di Kambera membentuk KUBE pada 2023: Mama Marta, Mama Yuliana, Mama Agustina, dan Mama Katarina. Daun pandan duri diambil dari pinggir kali, direbus, dijemur, lalu diwarnai. Setiap Sabtu mereka menganyam bersama di rumah Mama Marta.",
    products: [
      {
        title: "Tikar Pandan Sumba 150 × 200 cm",
        category: "anyaman",
        description: "Tikar pandan duri dengan motif garis merah dan hitam dari pewarna alam. Dipakai untuk duduk bersama saat acara adat.",
        variants: [v("150 × 200 cm", 175_000, 100_000, 2_000)],
      },
      {
        title: "Tas Pandan Warna Alam",
        category: "anyaman",
        description: "Tas bahu pandan dengan tali anyaman, kuat untuk membawa belanjaan atau buku.",
        variants: [v("Kecil", 75_000, 42_000, 300), v("Besar", 110_000, 62_000, 450)],
      },
      {
        title: "Kaleku Tempat Sirih Pinang",
        category: "anyaman",
        description: "Kaleku, tas kecil tempat sirih pinang yang dibawa orang Sumba ke mana-mana. Kini banyak dipakai sebagai dompet.",
        variants: [v("Satu ukuran", 60_000, 33_000, 150)],
      },
      {
        title: "Topi Anyaman Pandan",
        category: "anyaman",
        description: "Topi lebar untuk ke kebun atau ke pantai. Ringan dan tidak panas.",
        variants: [v("Satu ukuran", 55_000, 30_000, 200)],
      },
      {
        title: "Tatakan Gelas Pandan Isi 6",
        category: "anyaman",
        description: "Enam tatakan gelas bulat diameter 10 cm dengan pinggiran warna merah mengkudu.",
        variants: [v("Isi 6", 45_000, 24_000, 150)],
      },
    ],
  },
  {
    owner: 13,
    slug: "abon-ikan-mama-ince",
    name: "Abon & Ikan Asap Mama Ince",
    description: "Olahan ikan dari pantai Oesapa, Kupang: abon tuna, se'i ikan asap, dan sambal lu'at.",
    story:
      "Suami Mama Ince nelayan di Oesapa. Saat tangkapan banyak dan harga jatuh, ikan dulu terpaksa dijual murah. Sekarang sebagian diolah menjadi abon dan se'i ikan yang tahan berbulan-bulan, jadi penghasilan keluarga lebih stabil.",
    products: [
      {
        title: "Abon Ikan Tuna Pedas",
        category: "olahan-ikan",
        description: "Tuna segar dikukus, disuwir halus, lalu disangrai dengan bumbu dan cabai. Gurih pedas, tanpa pengawet.",
        variants: [v("100 g", 35_000, 21_000, 150), v("250 g", 80_000, 49_000, 320)],
      },
      {
        title: "Abon Ikan Tuna Original",
        category: "olahan-ikan",
        description: "Versi tidak pedas untuk anak-anak. Manis gurih, cocok untuk bekal sekolah.",
        variants: [v("100 g", 33_000, 20_000, 150), v("250 g", 76_000, 46_000, 320)],
      },
      {
        title: "Se'i Ikan Tongkol Asap",
        category: "olahan-ikan",
        description: "Ikan tongkol diasap pelan dengan kayu kosambi seperti se'i khas Kupang. Dikemas vakum; tumis dengan sambal sebelum disantap.",
        variants: [v("250 g", 45_000, 28_000, 320), v("500 g", 85_000, 53_000, 600)],
      },
      {
        title: "Ikan Teri Kering Kupang",
        category: "olahan-ikan",
        description: "Teri nasi dijemur di atas para-para bambu, tidak terlalu asin. Goreng kering atau campur sambal.",
        variants: [v("250 g", 40_000, 25_000, 300), v("500 g", 75_000, 47_000, 560)],
      },
      {
        title: "Sambal Lu'at Khas Timor",
        category: "sambal",
        description: "Sambal mentah khas Timor dari cabai rawit, daun kemangi, jeruk nipis, dan garam. Segar dan pedas; simpan di kulkas.",
        variants: [v("Botol 150 ml", 25_000, 14_000, 300)],
      },
    ],
  },
];

export const STAFF_ACCOUNTS = [
  { key: "admin", email: "admin@pasarmandiri.test", name: "Admin Pasar Mandiri", roles: ["ADMIN"] },
  { key: "verifier", email: "verifikator@pasarmandiri.test", name: "Hendra Gunawan", roles: ["VERIFIER"] },
  { key: "sari", email: "pendamping.sari@pasarmandiri.test", name: "Sari Rahmawati", roles: ["FACILITATOR"] },
  { key: "budi", email: "pendamping.budi@pasarmandiri.test", name: "Budi Santoso", roles: ["FACILITATOR"] },
  { key: "shopper", email: "pembeli@pasarmandiri.test", name: "Putri Maharani", roles: ["SHOPPER"] },
] as const satisfies readonly { key: string; email: string; name: string; roles: Role[] }[];

export function sellerEmail(householdNumber: number): string {
  return `penjual${String(householdNumber).padStart(2, "0")}@pasarmandiri.test`;
}

/**
 * Demo shipping prices (not real courier tariffs): first kilogram, each extra kilogram, days.
 * Within Java is cheap and quick; Java ↔ NTT crosses the sea and costs several times more.
 */
function demoShippingRate(originProvince: string, destinationProvince: string) {
  const java = (code: string) => code === "32" || code === "33";
  if (originProvince === destinationProvince) {
    return java(originProvince)
      ? { firstKgIdr: 10_000, additionalKgIdr: 8_000, estimatedDays: 2 }
      : { firstKgIdr: 25_000, additionalKgIdr: 20_000, estimatedDays: 4 };
  }
  if (java(originProvince) && java(destinationProvince)) return { firstKgIdr: 16_000, additionalKgIdr: 12_000, estimatedDays: 3 };
  if (java(originProvince)) return { firstKgIdr: 52_000, additionalKgIdr: 45_000, estimatedDays: 6 };
  return { firstKgIdr: 55_000, additionalKgIdr: 47_000, estimatedDays: 7 };
}

const DEMO_PROVINCES = ["32", "33", "53"] as const;

// ---------------------------------------------------------------- demo photos (drawn, never downloaded)


export interface PhotoSpec {
  category: CategorySlug;
  seed: number;
  /** 0–359: shifts the product's main colour so products of one category look different. */
  hue: number;
}

const SIZE = 960;

function hsl(h: number, s: number, l: number) {
  return `hsl(${Math.round(((h % 360) + 360) % 360)},${s}%,${l}%)`;
}

/** A product photo as SVG: a table-top scene suggesting the category, with no text. */
export function demoPhotoSvg(spec: PhotoSpec): string {
  const rnd = seededRandom(spec.seed); // the seed comes from faker
  const r = (min: number, max: number) => min + rnd() * (max - min);
  const h = spec.hue;
  const parts: string[] = [];
  let background = hsl(h + 30, 35, 88);
  const shadow = `<ellipse cx="480" cy="760" rx="360" ry="70" fill="rgba(0,0,0,0.18)"/>`;

  switch (spec.category) {
    case "keripik-camilan": {
      background = hsl(40, 55, 86);
      parts.push(shadow, `<ellipse cx="480" cy="640" rx="360" ry="150" fill="#7a4a21"/><ellipse cx="480" cy="590" rx="330" ry="120" fill="#a0662f"/>`);
      for (let i = 0; i < 26; i++) {
        const x = r(220, 740), y = r(420, 640);
        parts.push(`<ellipse cx="${x}" cy="${y}" rx="${r(45, 75)}" ry="${r(28, 45)}" transform="rotate(${r(0, 180)} ${x} ${y})" fill="${hsl(h % 40, 75, r(48, 62))}" stroke="${hsl(h % 40, 70, 38)}" stroke-width="3"/>`);
      }
      break;
    }
    case "sambal": {
      background = hsl(h + 20, 30, 90);
      parts.push(shadow);
      const jars = 1 + Math.floor(r(0, 2.99));
      for (let i = 0; i < jars; i++) {
        const x = 480 - (jars - 1) * 150 + i * 300 - 120;
        parts.push(
          `<rect x="${x}" y="330" width="240" height="420" rx="36" fill="${hsl(h % 30, 80, r(30, 42))}"/>`,
          `<rect x="${x + 10}" y="290" width="220" height="60" rx="12" fill="${hsl(120, 20, 25)}"/>`,
          `<rect x="${x + 30}" y="480" width="180" height="130" rx="10" fill="#f7efe0"/>`,
          `<rect x="${x + 25}" y="360" width="24" height="340" rx="12" fill="rgba(255,255,255,0.25)"/>`,
        );
      }
      for (let i = 0; i < 5; i++) {
        const x = r(120, 840), y = r(770, 860);
        parts.push(`<path d="M${x} ${y} q 60 -40 120 ${r(-10, 20)}" stroke="${i % 2 ? "#c0392b" : "#2e7d32"}" stroke-width="26" stroke-linecap="round" fill="none"/>`);
      }
      break;
    }
    case "kue-kering": {
      background = hsl(h + 180, 30, 86);
      parts.push(shadow, `<ellipse cx="480" cy="600" rx="380" ry="190" fill="#fafafa" stroke="#d8d8d8" stroke-width="6"/>`);
      for (let i = 0; i < 18; i++) {
        const x = r(200, 760), y = r(470, 700), size = r(38, 52);
        parts.push(`<circle cx="${x}" cy="${y}" r="${size}" fill="${hsl(35 + (h % 15), 70, r(55, 70))}" stroke="#a86b2d" stroke-width="3"/>`);
        parts.push(`<circle cx="${x}" cy="${y}" r="${size / 3}" fill="${h % 2 ? "#d4860b" : "#fff8e7"}"/>`);
      }
      break;
    }
    case "kopi": {
      background = hsl(20, 35, r(22, 30));
      parts.push(`<circle cx="640" cy="380" r="170" fill="#f5f0e6"/><circle cx="640" cy="380" r="135" fill="#3e2214"/><circle cx="610" cy="350" r="40" fill="rgba(255,255,255,0.12)"/>`);
      for (let i = 0; i < 40; i++) {
        const x = r(80, 880), y = r(560, 900);
        parts.push(`<g transform="rotate(${r(0, 180)} ${x} ${y})"><ellipse cx="${x}" cy="${y}" rx="34" ry="24" fill="${hsl(22 + (h % 10), 55, r(22, 34))}"/><path d="M${x - 26} ${y} q 26 ${r(-10, 10)} 52 0" stroke="#1b0e07" stroke-width="5" fill="none"/></g>`);
      }
      break;
    }
    case "madu": {
      background = hsl(45, 60, 88);
      for (let row = 0; row < 8; row++) {
        for (let col = 0; col < 9; col++) {
          const x = col * 120 + (row % 2) * 60, y = row * 104;
          parts.push(`<polygon points="${[0, 60, 120, 180, 240, 300].map((a) => `${x + 55 * Math.cos((a * Math.PI) / 180)},${y + 55 * Math.sin((a * Math.PI) / 180)}`).join(" ")}" fill="none" stroke="rgba(200,140,0,0.25)" stroke-width="6"/>`);
        }
      }
      parts.push(
        shadow,
        `<rect x="330" y="320" width="300" height="430" rx="60" fill="${hsl(38 + (h % 12), 95, r(42, 52))}" opacity="0.95"/>`,
        `<rect x="350" y="270" width="260" height="70" rx="14" fill="#6d4c41"/>`,
        `<rect x="365" y="360" width="30" height="340" rx="15" fill="rgba(255,255,255,0.3)"/>`,
        `<line x1="700" y1="300" x2="820" y2="720" stroke="#8d6e63" stroke-width="22" stroke-linecap="round"/>`,
        `<ellipse cx="820" cy="720" rx="50" ry="30" fill="#8d6e63"/>`,
      );
      break;
    }
    case "gula-aren": {
      background = hsl(80, 25, 85);
      parts.push(shadow, `<path d="M80 200 q 300 120 800 -60" stroke="#558b2f" stroke-width="18" fill="none"/>`);
      for (let i = 0; i < 7; i++) {
        const x = r(220, 740), y = r(470, 700);
        parts.push(`<ellipse cx="${x}" cy="${y + 30}" rx="110" ry="50" fill="#5d3a1a"/><ellipse cx="${x}" cy="${y}" rx="110" ry="50" fill="${hsl(25 + (h % 10), 55, r(32, 42))}"/>`);
      }
      for (let i = 0; i < 160; i++) {
        parts.push(`<circle cx="${r(560, 880)}" cy="${r(720, 880)}" r="${r(4, 9)}" fill="${hsl(30, 55, r(35, 55))}"/>`);
      }
      break;
    }
    case "olahan-ikan": {
      background = hsl(200, 40, 86);
      parts.push(shadow, `<ellipse cx="480" cy="600" rx="400" ry="200" fill="#ffffff" stroke="#90a4ae" stroke-width="8"/>`);
      const fish = 2 + Math.floor(r(0, 2.99));
      for (let i = 0; i < fish; i++) {
        const y = 520 + i * (200 / fish), x = r(360, 560), color = hsl(20 + (h % 20), 35, r(32, 48));
        parts.push(`<ellipse cx="${x}" cy="${y}" rx="170" ry="48" fill="${color}"/><polygon points="${x + 160},${y} ${x + 250},${y - 50} ${x + 250},${y + 50}" fill="${color}"/><circle cx="${x - 120}" cy="${y - 10}" r="10" fill="#222"/>`);
      }
      break;
    }
    case "batik-tenun": {
      const base = hsl(h, 55, 28), motif = hsl(h + 40, 60, 80), accent = hsl(h + 180, 50, 45);
      background = hsl(h, 20, 80);
      parts.push(
        `<defs><pattern id="m" width="120" height="120" patternUnits="userSpaceOnUse"><rect width="120" height="120" fill="${base}"/><circle cx="60" cy="60" r="${r(22, 34)}" fill="${motif}"/><path d="M0 0 L60 30 L120 0 M0 120 L60 90 L120 120" stroke="${accent}" stroke-width="8" fill="none"/><circle cx="60" cy="60" r="10" fill="${accent}"/></pattern></defs>`,
        `<g transform="rotate(${r(-12, 12)} 480 480)"><rect x="130" y="110" width="700" height="740" fill="url(#m)"/><rect x="130" y="110" width="700" height="60" fill="${accent}"/><rect x="130" y="790" width="700" height="60" fill="${accent}"/></g>`,
      );
      break;
    }
    case "anyaman": {
      const light = hsl(40 + (h % 20), 45, 70), dark = hsl(h % 360, 55, 40);
      background = hsl(30, 25, 90);
      parts.push(
        `<defs><pattern id="w" width="80" height="80" patternUnits="userSpaceOnUse"><rect width="80" height="80" fill="${light}"/><rect x="0" y="0" width="40" height="40" fill="${hsl(40, 40, 60)}"/><rect x="40" y="40" width="40" height="40" fill="${hsl(40, 40, 60)}"/><rect x="0" y="34" width="80" height="12" fill="${dark}" opacity="${r(0.2, 0.7).toFixed(2)}"/></pattern></defs>`,
        shadow,
        `<path d="M300 330 q 180 -240 360 0" stroke="#6d4c41" stroke-width="26" fill="none"/>`,
        `<path d="M200 330 L760 330 L700 760 L260 760 Z" fill="url(#w)" stroke="#6d4c41" stroke-width="8"/>`,
      );
      break;
    }
    case "kerajinan-bambu": {
      background = hsl(90, 20, 85);
      parts.push(shadow, `<circle cx="480" cy="520" r="330" fill="#c8a165" stroke="#7b5a2c" stroke-width="22"/>`);
      for (let i = 0; i < 12; i++) parts.push(`<circle cx="480" cy="520" r="${300 - i * 24}" fill="none" stroke="rgba(90,60,20,${r(0.15, 0.45).toFixed(2)})" stroke-width="6"/>`);
      for (let a = 0; a < 360; a += 15) {
        const rad = ((a + r(0, 5)) * Math.PI) / 180;
        parts.push(`<line x1="480" y1="520" x2="${480 + 310 * Math.cos(rad)}" y2="${520 + 310 * Math.sin(rad)}" stroke="rgba(90,60,20,0.25)" stroke-width="4"/>`);
      }
      for (let i = 0; i < 3; i++) {
        const x = 60 + i * 40;
        parts.push(`<rect x="${x}" y="40" width="28" height="880" fill="${hsl(70 + (h % 20), 40, 55)}"/><rect x="${x - 4}" y="${r(200, 300)}" width="36" height="10" fill="#6b7d2a"/>`);
      }
      break;
    }
    case "sabun-herbal": {
      background = hsl(h + 90, 25, 90);
      parts.push(shadow);
      for (let i = 0; i < 3; i++) {
        const x = 170 + i * 220, y = 470 + r(-40, 40);
        parts.push(`<rect x="${x}" y="${y}" width="190" height="130" rx="26" fill="${hsl(h + i * 25, 45, r(55, 70))}"/><rect x="${x + 25}" y="${y + 25}" width="140" height="80" rx="16" fill="rgba(255,255,255,0.25)"/>`);
      }
      for (let i = 0; i < 4; i++) {
        const x = r(160, 800), y = r(260, 380);
        parts.push(`<ellipse cx="${x}" cy="${y}" rx="90" ry="30" transform="rotate(${r(-40, 40)} ${x} ${y})" fill="${hsl(110, 45, r(30, 45))}"/>`);
      }
      break;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}"><rect width="${SIZE}" height="${SIZE}" fill="${background}"/>${parts.join("")}</svg>`;
}

/** Draws a photo as a camera would deliver it (a JPEG), then runs it through the real upload pipeline. */
export async function renderDemoPhoto(storage: ImageStorage, spec: PhotoSpec) {
  const jpeg = await sharp(Buffer.from(demoPhotoSvg(spec))).jpeg({ quality: 85 }).toBuffer();
  const processed = await processProductImage(jpeg);
  await storeProcessedImage(storage, processed);
  return { storageKey: processed.storageKey, width: processed.width, height: processed.height, placeholder: processed.placeholder };
}

async function mapWithConcurrency<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------- reference data

export async function loadReferenceData(prisma: PrismaClient) {
  const regions = await loadRegions(prisma);
  const povertyLines = await loadPovertyLines(prisma, await readFile(POVERTY_LINES_CSV, "utf8"));
  // The one graduation target the program published with the MoU; an admin's later edit is kept.
  await prisma.graduationTarget.upsert({
    where: { year: 2019 },
    create: {
      year: 2019,
      households: 800_000,
      source: "Kementerian Sosial: target graduasi sejahtera mandiri 2019, 800.000 keluarga (8% dari KPM PKH)",
    },
    update: {},
    select: { id: true },
  });
  return { regions, povertyLines };
}

/** SEED_REFERENCE_DATE=YYYY-MM-DD means 20:00 WIB (13:00 UTC) that day; unset means now. */
export function parseReferenceDate(value: string | undefined, now: Date = new Date()): Date {
  if (!value) return now;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`SEED_REFERENCE_DATE must be YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const date = new Date(`${value}T20:00:00+07:00`);
  // Date quietly rolls 2025-02-30 over to March; a round trip catches that.
  if (Number.isNaN(date.getTime()) || new Date(date.getTime() + WIB_OFFSET).toISOString().slice(0, 10) !== value) {
    throw new Error(`SEED_REFERENCE_DATE is not a calendar date: ${value}`);
  }
  return date;
}

// ---------------------------------------------------------------- wiping

/** Deletes everything the seed creates except the reference data (regions, poverty lines), children first. */
export async function wipeDemoData(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction([
    prisma.auditLog.deleteMany(),
    prisma.webhookEvent.deleteMany(),
    prisma.ledgerEntry.deleteMany(),
    prisma.payout.deleteMany(),
    prisma.refund.deleteMany(),
    prisma.graduationProposal.deleteMany(),
    prisma.graduationAssessment.deleteMany(),
    prisma.coachingAttendance.deleteMany(),
    prisma.coachingSession.deleteMany(),
    prisma.stockMovement.deleteMany(),
    prisma.storeOrderEvent.deleteMany(),
    prisma.orderItem.deleteMany(),
    prisma.storeOrder.deleteMany(),
    prisma.payment.deleteMany(),
    prisma.order.deleteMany(),
    prisma.cartItem.deleteMany(),
    prisma.cart.deleteMany(),
    prisma.productImage.deleteMany(),
    prisma.productVariant.deleteMany(),
    prisma.product.deleteMany(),
    prisma.category.deleteMany(),
    prisma.shippingRate.deleteMany(),
    prisma.storeMember.deleteMany(),
    prisma.store.deleteMany(),
    prisma.kubeMembership.deleteMany(),
    prisma.kubeGroup.deleteMany(),
    prisma.session.deleteMany(),
    prisma.userRole.deleteMany(),
    prisma.user.updateMany({ data: { householdId: null } }),
    prisma.household.deleteMany(),
    prisma.user.deleteMany(),
  ]);
}

// ---------------------------------------------------------------- building the demo

function cuidLike(): string {
  // Same shape as Prisma's cuid() ids, drawn from the seeded faker so reruns give the same ids.
  return `c${faker.string.alphanumeric({ length: 24, casing: "lower" })}`;
}

const PHONE_PREFIXES = ["811", "812", "813", "821", "822", "823", "852", "853", "857", "878", "895", "896"];

function phoneNumber(): string {
  return `0${faker.helpers.arrayElement(PHONE_PREFIXES)}${faker.string.numeric(8)}`;
}

function whatsappNumber(): string {
  return `62${phoneNumber().slice(1)}`;
}

function wibDateStamp(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET).toISOString().slice(0, 10).replaceAll("-", "");
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export interface DemoRegion {
  code: string;
  name: string;
  level: "PROVINCE" | "REGENCY" | "DISTRICT";
  parentCode: string | null;
}

interface Clock {
  ref: Date;
  daysAgo(days: number, hours?: number): Date;
}

interface Places {
  regencyCode(regency: readonly [string, string]): string;
  districtsByProvince: Map<string, string[]>;
}

type StaffKey = (typeof STAFF_ACCOUNTS)[number]["key"];

interface People {
  users: Prisma.UserCreateManyInput[];
  roles: Prisma.UserRoleCreateManyInput[];
  audits: Prisma.AuditLogCreateManyInput[];
  staff: Record<StaffKey, { id: string; createdAt: Date }>;
  households: (Prisma.HouseholdCreateManyInput & { id: string })[];
  sellers: { id: string; householdId: string; facilitatorId: string; createdAt: Date }[];
}

interface Shops {
  kubeGroup: Prisma.KubeGroupCreateManyInput;
  memberships: Prisma.KubeMembershipCreateManyInput[];
  stores: (Prisma.StoreCreateManyInput & { id: string })[];
  storeMembers: Prisma.StoreMemberCreateManyInput[];
  shippingRates: Prisma.ShippingRateCreateManyInput[];
  /** Province of the store and its seller accounts, the first being the one who packs orders. */
  storeMeta: Map<string, { province: string; memberIds: string[] }>;
}

type DemoVariant = Prisma.ProductVariantCreateManyInput & {
  id: string;
  createdAt: Date;
  storeId: string;
  productTitle: string;
  productStatus: ProductStatus;
};

export interface PhotoJob {
  id: string;
  productId: string;
  position: number;
  alt: string;
  spec: PhotoSpec;
  createdAt: Date;
}

interface Catalog {
  categories: Prisma.CategoryCreateManyInput[];
  products: Prisma.ProductCreateManyInput[];
  variants: DemoVariant[];
  photoJobs: PhotoJob[];
}

interface History {
  orders: Prisma.OrderCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  storeOrders: Prisma.StoreOrderCreateManyInput[];
  orderItems: Prisma.OrderItemCreateManyInput[];
  events: Prisma.StoreOrderEventCreateManyInput[];
  movements: Prisma.StockMovementCreateManyInput[];
}

export type DemoData = Omit<People, "staff" | "sellers"> &
  Omit<Shops, "storeMeta"> &
  Omit<Catalog, "variants"> &
  History & { variants: Prisma.ProductVariantCreateManyInput[] };

function demoPlaces(regions: DemoRegion[]): Places {
  return {
    regencyCode([province, name]) {
      const found = regions.find((r) => r.level === "REGENCY" && r.parentCode === province && r.name === name);
      if (!found) throw new Error(`Regency ${name} (${province}) is not in the region data; load the regions first`);
      return found.code;
    },
    districtsByProvince: new Map(
      DEMO_PROVINCES.map((p) => [p, regions.filter((r) => r.level === "DISTRICT" && r.code.startsWith(`${p}.`)).map((r) => r.code)]),
    ),
  };
}

function buildPeople(clock: Clock, places: Places, passwordHash: string): People {
  const users: People["users"] = [];
  const roles: People["roles"] = [];
  const audits: People["audits"] = [];
  const staff = Object.fromEntries(
    STAFF_ACCOUNTS.map((account, i) => {
      const id = cuidLike();
      const createdAt = clock.daysAgo(320 - i * 5);
      users.push({ id, email: account.email, name: account.name, phone: phoneNumber(), passwordHash, createdAt, updatedAt: createdAt });
      roles.push(...account.roles.map((role) => ({ userId: id, role, createdAt })));
      return [account.key, { id, createdAt }];
    }),
  ) as People["staff"];
  for (const key of ["verifier", "sari", "budi"] as const) {
    const account = STAFF_ACCOUNTS.find((a) => a.key === key)!;
    audits.push({
      id: cuidLike(),
      actorId: staff.admin.id,
      action: "user.create",
      subjectType: "User",
      subjectId: staff[key].id,
      details: JSON.stringify({ roles: account.roles, householdId: null, stores: 0 }),
      createdAt: staff[key].createdAt,
    });
  }

  const households: People["households"] = [];
  const sellers: People["sellers"] = [];
  HOUSEHOLDS.forEach((spec, i) => {
    const id = cuidLike();
    const regency = places.regencyCode(spec.regency);
    const createdAt = clock.daysAgo(300 - i * 4);
    const facilitatorId = staff[spec.facilitator].id;
    households.push({
      id,
      programRef: `PKH-${regency.replace(".", "")}-${faker.string.numeric(6)}`,
      headName: faker.person.fullName(),
      memberCount: faker.number.int({ min: 3, max: 6 }),
      regencyCode: regency,
      areaType: spec.areaType,
      facilitatorId,
      status: "ACTIVE",
      enrolledAt: faker.date.between({ from: clock.daysAgo(6 * 365), to: clock.daysAgo(2 * 365) }),
      createdAt,
      updatedAt: createdAt,
    });
    const sellerId = cuidLike();
    const sellerCreatedAt = new Date(createdAt.getTime() + 2 * DAY);
    users.push({
      id: sellerId,
      email: sellerEmail(i + 1),
      name: spec.seller,
      phone: phoneNumber(),
      passwordHash,
      householdId: id,
      createdAt: sellerCreatedAt,
      updatedAt: sellerCreatedAt,
    });
    roles.push({ userId: sellerId, role: "SELLER", createdAt: sellerCreatedAt }, { userId: sellerId, role: "SHOPPER", createdAt: sellerCreatedAt });
    sellers.push({ id: sellerId, householdId: id, facilitatorId, createdAt: sellerCreatedAt });
  });
  return { users, roles, audits, staff, households, sellers };
}

function buildStores(clock: Clock, places: Places, people: People): Shops {
  const kubeGroupId = cuidLike();
  const kubeCreatedAt = clock.daysAgo(250);
  const kubeMembers = KUBE.members.map((m) => ({
    ...m,
    seller: people.sellers[m.household - 1]!,
    householdId: people.households[m.household - 1]!.id,
  }));
  const stores: Shops["stores"] = [];
  const storeMembers: Shops["storeMembers"] = [];
  const shippingRates: Shops["shippingRates"] = [];
  const storeMeta: Shops["storeMeta"] = new Map();
  STORES.forEach((spec, i) => {
    const id = cuidLike();
    const createdAt = clock.daysAgo(240 - i * 2);
    const owner = spec.owner === "kube" ? null : people.households[spec.owner - 1]!;
    const regency = owner ? owner.regencyCode : places.regencyCode(KUBE.regency);
    const memberIds = owner ? [people.sellers[(spec.owner as number) - 1]!.id] : kubeMembers.map((m) => m.seller.id);
    stores.push({
      id,
      slug: spec.slug,
      name: spec.name,
      description: spec.description,
      story: spec.story,
      regencyCode: regency,
      whatsapp: whatsappNumber(),
      // A labelled demo account (not drawn from faker, so the rest of the demo stays the same).
      payoutBankName: "Bank Contoh (demo)",
      payoutAccountNumber: String(9_000_000_000 + (i + 1) * 7_919),
      payoutAccountHolder: owner ? owner.headName : KUBE.name,
      status: "ACTIVE",
      householdId: owner ? owner.id : null,
      kubeGroupId: owner ? null : kubeGroupId,
      createdAt,
      updatedAt: createdAt,
    });
    storeMembers.push(...memberIds.map((userId) => ({ storeId: id, userId, createdAt })));
    const province = regency.split(".")[0]!;
    for (const destination of DEMO_PROVINCES) {
      shippingRates.push({ id: cuidLike(), storeId: id, provinceCode: destination, ...demoShippingRate(province, destination) });
    }
    storeMeta.set(id, { province, memberIds });
  });
  // Seller accounts are opened by their facilitator, as the app's account screens do.
  for (const seller of people.sellers) {
    people.audits.push({
      id: cuidLike(),
      actorId: seller.facilitatorId,
      action: "user.create",
      subjectType: "User",
      subjectId: seller.id,
      details: JSON.stringify({
        roles: ["SELLER", "SHOPPER"],
        householdId: seller.householdId,
        stores: storeMembers.filter((m) => m.userId === seller.id).length,
      }),
      createdAt: seller.createdAt,
    });
  }
  return {
    kubeGroup: {
      id: kubeGroupId,
      name: KUBE.name,
      regencyCode: places.regencyCode(KUBE.regency),
      facilitatorId: people.staff.budi.id,
      createdAt: kubeCreatedAt,
      updatedAt: kubeCreatedAt,
    },
    memberships: kubeMembers.map((m) => ({ kubeGroupId, householdId: m.householdId, shareBasisPoints: m.shareBasisPoints, joinedAt: kubeCreatedAt })),
    stores,
    storeMembers,
    shippingRates,
    storeMeta,
  };
}

function buildCatalog(clock: Clock, shops: Shops): Catalog {
  const categories = CATEGORIES.map((c, i) => ({ id: cuidLike(), ...c, sortOrder: i + 1 }));
  const categoryId = new Map(categories.map((c) => [c.slug, c.id]));
  const products: Catalog["products"] = [];
  const variants: Catalog["variants"] = [];
  const photoJobs: Catalog["photoJobs"] = [];
  const usedSlugs = new Set<string>();
  STORES.forEach((storeSpec, storeIndex) => {
    const store = shops.stores[storeIndex]!;
    storeSpec.products.forEach((spec, productIndex) => {
      const id = cuidLike();
      const status = spec.status ?? "ACTIVE";
      // Active products were listed before the order history starts; drafts are a few days old.
      const createdAt =
        status === "DRAFT" ? clock.daysAgo(faker.number.int({ min: 2, max: 9 })) : clock.daysAgo(230 - storeIndex * 2 - productIndex, 3);
      let slug = slugify(spec.title);
      while (usedSlugs.has(slug)) slug = `${slugify(spec.title)}-${faker.string.alphanumeric({ length: 4, casing: "lower" })}`;
      usedSlugs.add(slug);
      const updatedAt = status === "ARCHIVED" ? clock.daysAgo(faker.number.int({ min: 60, max: 120 })) : createdAt;
      products.push({
        id,
        storeId: store.id,
        categoryId: categoryId.get(spec.category)!,
        title: spec.title,
        slug,
        description: spec.description,
        status,
        publishedAt: status === "DRAFT" ? null : new Date(createdAt.getTime() + HOUR),
        createdAt,
        updatedAt,
      });
      spec.variants.forEach((variant, position) => {
        variants.push({
          id: cuidLike(),
          productId: id,
          ...variant,
          stock: 0,
          position,
          createdAt,
          updatedAt,
          storeId: store.id,
          productTitle: spec.title,
          productStatus: status,
        });
      });
      const photoCount = faker.helpers.weightedArrayElement([
        { value: 1, weight: 45 },
        { value: 2, weight: 55 },
      ]);
      const hue = faker.number.int({ min: 0, max: 359 });
      for (let position = 0; position < photoCount; position++) {
        photoJobs.push({
          id: cuidLike(),
          productId: id,
          position,
          alt: position === 0 ? spec.title : `${spec.title}, tampak dekat`,
          spec: { category: spec.category, hue, seed: faker.number.int({ min: 1, max: 2 ** 31 - 1 }) },
          createdAt,
        });
      }
    });
  });
  return { categories, products, variants, photoJobs };
}

const COURIERS: Record<string, string[]> = {
  "32": ["JNE", "J&T Express", "SiCepat", "Pos Indonesia"],
  "33": ["JNE", "J&T Express", "SiCepat", "Pos Indonesia"],
  "53": ["JNE", "Pos Indonesia", "Lion Parcel"],
};

interface Step {
  status: StoreOrderStatus;
  at: Date;
  actorId: string | null;
  note: string | null;
}

/**
 * How one checkout unfolds: card paid within minutes, bank transfer within hours (matched by the
 * admin), COD paid to the courier on delivery; a few are never paid or are cancelled by the buyer.
 */
function paymentOutcome(method: PaymentMethod, placedAt: Date, ref: Date, buyerId: string | null) {
  const fate = faker.number.float();
  const at = (ms: number) => new Date(placedAt.getTime() + ms);
  if (method === "CARD") {
    return fate < 0.06
      ? { paidAt: null, cancelledAt: at(HOUR), cancelNote: "Sesi pembayaran kartu kedaluwarsa", cancelActor: null }
      : { paidAt: at(faker.number.int({ min: 1, max: 6 }) * 60_000), cancelledAt: null, cancelNote: null, cancelActor: null };
  }
  if (method === "BANK_TRANSFER") {
    if (fate < 0.1) return { paidAt: null, cancelledAt: at(DAY), cancelNote: "Transfer tidak diterima dalam 24 jam", cancelActor: null };
    // Most transfer within a few hours. Of those who ordered in the last 23 hours, many have not
    // transferred yet by the reference time (they go to the ATM or a BRILink agent the next morning).
    const ageHours = (ref.getTime() - placedAt.getTime()) / HOUR;
    const delayMinutes =
      ageHours < 23 && fate > 0.35 ? Math.ceil(ageHours * 60) + faker.number.int({ min: 30, max: 180 }) : faker.number.int({ min: 10, max: 3 * 60 });
    return { paidAt: at(delayMinutes * 60_000), cancelledAt: null, cancelNote: null, cancelActor: null };
  }
  return fate < 0.05
    ? { paidAt: null, cancelledAt: at(faker.number.int({ min: 30, max: 300 }) * 60_000), cancelNote: "Dibatalkan pembeli sebelum dikemas", cancelActor: buyerId }
    : { paidAt: null, cancelledAt: null, cancelNote: null, cancelActor: null };
}

function buildOrderHistory(clock: Clock, places: Places, people: People, shops: Shops, catalog: Catalog): History {
  const history: History = { orders: [], payments: [], storeOrders: [], orderItems: [], events: [], movements: [] };
  const ref = clock.ref;
  const activeVariantsByStore = new Map<string, DemoVariant[]>();
  for (const variant of catalog.variants) {
    if (variant.productStatus !== "ACTIVE") continue;
    activeVariantsByStore.set(variant.storeId, [...(activeVariantsByStore.get(variant.storeId) ?? []), variant]);
  }
  const storeIds = shops.stores.map((s) => s.id);
  const rateFor = (storeId: string, province: string) => shops.shippingRates.find((r) => r.storeId === storeId && r.provinceCode === province)!;
  const shopper = STAFF_ACCOUNTS.find((a) => a.key === "shopper")!;
  // Midnight WIB, ORDER_HISTORY_DAYS before the reference day.
  const firstDay = new Date(Math.floor((ref.getTime() + WIB_OFFSET) / DAY) * DAY - WIB_OFFSET - ORDER_HISTORY_DAYS * DAY);
  let sequence = 0;

  for (let day = 0; day <= ORDER_HISTORY_DAYS; day++) {
    // The shop grows: about one order a day six months ago, about two and a half now. The last two
    // days get a few more (a payday weekend), so the demo shows orders waiting for payment, paid and being packed.
    const expected = 1.1 + 1.4 * (day / ORDER_HISTORY_DAYS) + (day === ORDER_HISTORY_DAYS ? 5 : day === ORDER_HISTORY_DAYS - 1 ? 2 : 0);
    const count = Math.floor(expected + faker.number.float({ min: 0, max: 1 }));
    for (let n = 0; n < count; n++) {
      const placedAt = new Date(firstDay.getTime() + day * DAY + faker.number.int({ min: 6 * 60, max: 22 * 60 }) * 60_000);
      const registered = faker.number.float() < 0.15;
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      const province = faker.helpers.weightedArrayElement([
        { value: "32", weight: 45 },
        { value: "33", weight: 35 },
        { value: "53", weight: 20 },
      ]);
      const method: PaymentMethod = faker.helpers.weightedArrayElement([
        { value: "BANK_TRANSFER", weight: 45 },
        { value: "COD", weight: 35 },
        { value: "CARD", weight: 20 },
      ]);
      const chosenStores = faker.helpers.arrayElements(storeIds, faker.number.float() < 0.18 ? 2 : 1);
      const district = faker.helpers.arrayElement(places.districtsByProvince.get(province)!);
      const rt = String(faker.number.int({ min: 1, max: 12 })).padStart(2, "0");
      const rw = String(faker.number.int({ min: 1, max: 9 })).padStart(2, "0");
      const address = `${faker.location.street()} No. ${faker.number.int({ min: 1, max: 120 })}, RT ${rt}/RW ${rw}`;
      if (placedAt > ref) continue;
      sequence++;
      const orderId = cuidLike();
      const buyerId = registered ? people.staff.shopper.id : null;
      const outcome = paymentOutcome(method, placedAt, ref, buyerId);
      const cancelled = outcome.cancelledAt !== null && outcome.cancelledAt <= ref;
      const paid = outcome.paidAt !== null && outcome.paidAt <= ref;

      let subtotalIdr = 0;
      let shippingIdr = 0;
      let lastChange = placedAt;
      let codCollectedAt = null as Date | null;
      for (const storeId of chosenStores) {
        const storeOrderId = cuidLike();
        const lines = faker.helpers.arrayElements(activeVariantsByStore.get(storeId)!, faker.number.float() < 0.35 ? 2 : 1);
        let storeSubtotal = 0;
        let weight = 0;
        for (const variant of lines) {
          const quantity =
            variant.priceIdr >= 150_000
              ? 1
              : faker.helpers.weightedArrayElement([
                  { value: 1, weight: 50 },
                  { value: 2, weight: 30 },
                  { value: 3, weight: 15 },
                  { value: 5, weight: 5 },
                ]);
          storeSubtotal += variant.priceIdr * quantity;
          weight += variant.weightGrams * quantity;
          history.orderItems.push({
            id: cuidLike(),
            storeOrderId,
            variantId: variant.id,
            productTitle: variant.productTitle,
            variantName: variant.name,
            unitPriceIdr: variant.priceIdr,
            unitCostIdr: variant.costIdr,
            quantity,
            weightGrams: variant.weightGrams,
          });
          // Stock is reserved at checkout and given back if the order is cancelled.
          history.movements.push({ id: cuidLike(), variantId: variant.id, delta: -quantity, reason: "ORDER_RESERVED", actorId: buyerId, storeOrderId, createdAt: placedAt });
          if (cancelled) {
            history.movements.push({
              id: cuidLike(),
              variantId: variant.id,
              delta: quantity,
              reason: "ORDER_RELEASED",
              actorId: outcome.cancelActor,
              storeOrderId,
              createdAt: outcome.cancelledAt!,
            });
          }
        }
        const rate = rateFor(storeId, province);
        const extraKg = Math.max(0, Math.ceil(weight / 1000) - 1);
        const storeShipping = rate.firstKgIdr + extraKg * rate.additionalKgIdr;
        subtotalIdr += storeSubtotal;
        shippingIdr += storeShipping;

        // Every step of this store order; only those whose time has come by the reference date are kept.
        const meta = shops.storeMeta.get(storeId)!;
        const seller = meta.memberIds[0]!;
        const courier = faker.helpers.arrayElement(COURIERS[meta.province]!);
        const waybill = `${courier.replace(/[^A-Za-z]/g, "").slice(0, 2).toUpperCase()}${faker.string.numeric(12)}`;
        // Sellers look at new orders once or twice a day, between farm work and cooking.
        const processingDelay = faker.number.int({ min: 2, max: 28 }) * HOUR;
        const shippingDelay = faker.number.int({ min: 4, max: 30 }) * HOUR;
        const transitDays = Math.max(1, (rate.estimatedDays ?? 3) + faker.number.int({ min: -1, max: 1 }));
        const confirmDelay = faker.number.int({ min: 1, max: 3 }) * DAY + faker.number.int({ min: 0, max: 10 }) * HOUR;
        const buyerConfirms = buyerId !== null && faker.number.float() < 0.7;
        const steps: Step[] = [
          method === "COD"
            ? { status: "PROCESSING", at: placedAt, actorId: buyerId, note: "Bayar di tempat (COD)" }
            : { status: "AWAITING_PAYMENT", at: placedAt, actorId: buyerId, note: null },
        ];
        if (cancelled) {
          steps.push({ status: "CANCELLED", at: outcome.cancelledAt!, actorId: outcome.cancelActor, note: outcome.cancelNote });
        } else if (method === "COD" || paid) {
          let t = method === "COD" ? placedAt : outcome.paidAt!;
          const later = (ms: number) => (t = new Date(t.getTime() + ms));
          if (method !== "COD") {
            steps.push(
              method === "BANK_TRANSFER"
                ? { status: "PAID", at: t, actorId: people.staff.admin.id, note: "Transfer dicocokkan dengan mutasi rekening" }
                : { status: "PAID", at: t, actorId: null, note: "Pembayaran kartu berhasil" },
            );
            steps.push({ status: "PROCESSING", at: later(processingDelay), actorId: seller, note: "Pesanan sedang dikemas" });
          }
          steps.push({ status: "SHIPPED", at: later(shippingDelay), actorId: seller, note: `${courier} ${waybill}` });
          steps.push({ status: "DELIVERED", at: later(transitDays * DAY), actorId: null, note: "Paket diterima (data kurir)" });
          if (method === "COD" && t <= ref && (codCollectedAt === null || t > codCollectedAt)) codCollectedAt = t;
          steps.push(
            buyerConfirms
              ? { status: "COMPLETED", at: later(confirmDelay), actorId: buyerId, note: "Pembeli mengonfirmasi pesanan diterima" }
              : { status: "COMPLETED", at: later(confirmDelay), actorId: null, note: "Selesai otomatis setelah masa konfirmasi" },
          );
        }
        const happened = steps.filter((s) => s.at <= ref);
        const at = (status: StoreOrderStatus) => happened.find((s) => s.status === status)?.at ?? null;
        const current = happened[happened.length - 1]!;
        const shipped = at("SHIPPED") !== null;
        history.storeOrders.push({
          id: storeOrderId,
          orderId,
          storeId,
          status: current.status,
          subtotalIdr: storeSubtotal,
          shippingIdr: storeShipping,
          courier: shipped ? courier : null,
          waybill: shipped ? waybill : null,
          cancelReason: current.status === "CANCELLED" ? outcome.cancelNote : null,
          paidAt: method === "COD" ? at("DELIVERED") : at("PAID"),
          shippedAt: at("SHIPPED"),
          deliveredAt: at("DELIVERED"),
          completedAt: at("COMPLETED"),
          cancelledAt: at("CANCELLED"),
          createdAt: placedAt,
          updatedAt: current.at,
        });
        happened.forEach((step, i) => {
          history.events.push({
            id: cuidLike(),
            storeOrderId,
            fromStatus: i === 0 ? null : happened[i - 1]!.status,
            toStatus: step.status,
            actorId: step.actorId,
            note: step.note,
            createdAt: step.at,
          });
        });
        if (current.at > lastChange) lastChange = current.at;
      }

      const uniqueCodeIdr = method === "BANK_TRANSFER" ? faker.number.int({ min: 1, max: 999 }) : 0;
      const totalIdr = subtotalIdr + shippingIdr + uniqueCodeIdr;
      const provider: PaymentProvider = method === "CARD" ? "STRIPE" : method;
      let paymentStatus: PaymentStatus = "PENDING";
      let paymentUpdatedAt = placedAt;
      if (cancelled) {
        paymentStatus = method === "COD" ? "CANCELLED" : "EXPIRED";
        paymentUpdatedAt = outcome.cancelledAt!;
      } else if (method === "COD" ? codCollectedAt !== null : paid) {
        paymentStatus = "SUCCEEDED";
        paymentUpdatedAt = method === "COD" ? codCollectedAt! : outcome.paidAt!;
      }
      const guestEmail = faker.internet.email({ firstName, lastName, provider: "contoh.test" }).toLowerCase();
      history.orders.push({
        id: orderId,
        number: `PM-${wibDateStamp(placedAt)}-${String(sequence).padStart(4, "0")}`,
        buyerId,
        guestToken: registered ? null : faker.string.alphanumeric({ length: 32 }),
        email: registered ? shopper.email : guestEmail,
        recipientName: registered ? shopper.name : `${firstName} ${lastName}`,
        phone: phoneNumber(),
        addressLine: address,
        districtCode: district,
        postalCode: faker.location.zipCode("#####"),
        paymentMethod: method,
        subtotalIdr,
        shippingIdr,
        uniqueCodeIdr,
        totalIdr,
        expiresAt: method === "BANK_TRANSFER" ? new Date(placedAt.getTime() + DAY) : method === "CARD" ? new Date(placedAt.getTime() + HOUR) : null,
        placedAt,
        updatedAt: lastChange,
      });
      const sessionSuffix = faker.string.alphanumeric({ length: 24 });
      history.payments.push({
        id: cuidLike(),
        orderId,
        provider,
        amountIdr: totalIdr,
        status: paymentStatus,
        externalId: provider === "STRIPE" ? `cs_demo_${sessionSuffix}` : null,
        externalPaymentId: provider === "STRIPE" && paymentStatus === "SUCCEEDED" ? `pi_demo_${faker.string.alphanumeric({ length: 24 })}` : null,
        confirmedById: provider === "BANK_TRANSFER" && paymentStatus === "SUCCEEDED" ? people.staff.admin.id : null,
        createdAt: placedAt,
        updatedAt: paymentUpdatedAt,
      });
    }
  }
  return history;
}

/** Sets each variant's stock and records the opening stock that covers everything ordered from it. */
function settleStock(catalog: Catalog, shops: Shops, history: History): void {
  const netOrdered = new Map<string, number>();
  for (const m of history.movements) netOrdered.set(m.variantId, (netOrdered.get(m.variantId) ?? 0) + m.delta);
  for (const variant of catalog.variants) {
    const craft = variant.priceIdr >= 150_000 || variant.weightGrams >= 1_500;
    const remaining =
      variant.productStatus === "ARCHIVED" || faker.number.float() < 0.04
        ? 0
        : craft
          ? faker.number.int({ min: 1, max: 6 })
          : faker.number.int({ min: 8, max: 60 });
    variant.stock = remaining;
    const opening = remaining - (netOrdered.get(variant.id) ?? 0);
    if (opening > 0) {
      // Dated when the product was listed, before any order, so replaying the movements never goes below zero.
      history.movements.push({
        id: cuidLike(),
        variantId: variant.id,
        delta: opening,
        reason: "INITIAL",
        note: "Stok awal",
        actorId: shops.storeMeta.get(variant.storeId)!.memberIds[0]!,
        createdAt: variant.createdAt,
      });
    }
  }
}

/**
 * Every row of the demo except the photos' pixels, from the fixed faker seed, the reference date and
 * the region data alone: calling it twice with the same input gives the same rows (ids included).
 */
export function buildDemoData(input: { referenceDate: Date; passwordHash: string; regions: DemoRegion[] }): DemoData & { photoJobs: PhotoJob[] } {
  faker.seed(FAKER_SEED);
  const ref = input.referenceDate;
  const clock: Clock = { ref, daysAgo: (days, hours = 0) => new Date(ref.getTime() - days * DAY + hours * HOUR) };
  const places = demoPlaces(input.regions);
  const people = buildPeople(clock, places, input.passwordHash);
  const shops = buildStores(clock, places, people);
  const catalog = buildCatalog(clock, shops);
  const history = buildOrderHistory(clock, places, people, shops, catalog);
  settleStock(catalog, shops, history);
  const { staff: _staff, sellers: _sellers, ...peopleRows } = people;
  const { storeMeta: _storeMeta, ...shopRows } = shops;
  return {
    ...peopleRows,
    ...shopRows,
    ...history,
    categories: catalog.categories,
    products: catalog.products,
    photoJobs: catalog.photoJobs,
    variants: catalog.variants.map(({ storeId: _s, productTitle: _t, productStatus: _p, ...row }) => row),
  };
}

/** Draws every product photo and stores its renditions; returns the ProductImage rows. */
export async function renderProductImages(storage: ImageStorage, jobs: PhotoJob[]): Promise<Prisma.ProductImageCreateManyInput[]> {
  // Two cores: a few photos in flight keep both busy while one is being written.
  const photos = await mapWithConcurrency(jobs, 4, (job) => renderDemoPhoto(storage, job.spec));
  return jobs.map((job, i) => ({
    id: job.id,
    productId: job.productId,
    position: job.position,
    alt: job.alt,
    ...photos[i]!,
    createdAt: job.createdAt,
  }));
}

/** Units sold per product in store orders that were not cancelled or refunded (the app keeps the same count). */
export function soldCountsByProduct(data: Pick<DemoData, "variants" | "storeOrders" | "orderItems">): Map<string, number> {
  const productOfVariant = new Map(data.variants.map((v) => [v.id, v.productId]));
  const countedStoreOrders = new Set(
    data.storeOrders.filter((so) => so.status !== "CANCELLED" && so.status !== "REFUNDED").map((so) => so.id),
  );
  const sold = new Map<string, number>();
  for (const item of data.orderItems) {
    const productId = item.variantId ? productOfVariant.get(item.variantId) : undefined;
    if (!productId || !countedStoreOrders.has(item.storeOrderId)) continue;
    sold.set(productId, (sold.get(productId) ?? 0) + item.quantity);
  }
  return sold;
}

/** Days a completed order's credit is held before payout in the demo history (the app's default). */
const DEMO_LEDGER_HOLD_DAYS = 3;

/**
 * The store ledger the demo history implies: every completed store order credited by the app's own rule
 * (`completionEntries`), and a payout to each store on the 5th of every month of what was available then,
 * recorded by the admin with a transfer reference.
 */
export function demoLedger(data: Pick<DemoData, "orders" | "storeOrders" | "users">) {
  const orderById = new Map(data.orders.map((o) => [o.id!, o]));
  const admin = data.users.find((u) => u.email === "admin@pasarmandiri.test");
  const entries: Prisma.LedgerEntryCreateManyInput[] = [];
  let latest = 0;
  for (const so of data.storeOrders) {
    latest = Math.max(latest, new Date(so.updatedAt ?? so.createdAt!).getTime());
    if (!so.completedAt) continue;
    const order = orderById.get(so.orderId)!;
    entries.push(
      ...completionEntries(
        { id: so.id!, storeId: so.storeId, subtotalIdr: so.subtotalIdr, shippingIdr: so.shippingIdr, commissionIdr: so.commissionIdr ?? 0, orderNumber: order.number, paymentMethod: order.paymentMethod },
        new Date(so.completedAt),
        DEMO_LEDGER_HOLD_DAYS,
      ),
    );
  }
  const payouts: Prisma.PayoutCreateManyInput[] = [];
  if (!admin || entries.length === 0) return { entries, payouts };
  const first = new Date(Math.min(...entries.map((e) => new Date(e.createdAt!).getTime())));
  const stores = [...new Set(entries.map((e) => e.storeId))].sort();
  // 10:00 WIB on the 5th of each month after the first sale, up to the newest event of the history.
  for (let month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 5, 3)); month.getTime() <= latest; month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 5, 3))) {
    for (const storeId of stores) {
      const available = entries.filter((e) => e.storeId === storeId && new Date(e.availableAt).getTime() <= month.getTime()).reduce((sum, e) => sum + e.amountIdr, 0);
      const paid = payouts.filter((p) => p.storeId === storeId).reduce((sum, p) => sum + p.amountIdr, 0);
      const amountIdr = available - paid;
      if (amountIdr <= 0) continue;
      const id = cuidLike();
      const reference = `TRF-${month.toISOString().slice(0, 7).replace("-", "")}-${storeId.slice(-6).toUpperCase()}`;
      payouts.push({ id, storeId, amountIdr, bankReference: reference, paidAt: month, recordedById: admin.id!, createdAt: month });
      entries.push({ storeId, kind: "PAYOUT", amountIdr: -amountIdr, payoutId: id, memo: `Transfer ke rekening toko, ref. ${reference}`, availableAt: month, createdAt: month });
    }
  }
  return { entries, payouts };
}

/** Writes the demo in one transaction, parents before children, in chunks. */
export async function writeDemoData(prisma: PrismaClient, data: DemoData, images: Prisma.ProductImageCreateManyInput[]): Promise<void> {
  const sellerUsers = data.users.filter((u) => u.householdId);
  const otherUsers = data.users.filter((u) => !u.householdId);
  await prisma.$transaction(
    async (tx) => {
      const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
        for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
      };
      // Households name their facilitator, and seller accounts name their household.
      await tx.user.createMany({ data: otherUsers });
      await tx.household.createMany({ data: data.households });
      await tx.user.createMany({ data: sellerUsers });
      await tx.userRole.createMany({ data: data.roles });
      await tx.kubeGroup.createMany({ data: [data.kubeGroup] });
      await tx.kubeMembership.createMany({ data: data.memberships });
      await tx.store.createMany({ data: data.stores });
      await tx.storeMember.createMany({ data: data.storeMembers });
      await tx.shippingRate.createMany({ data: data.shippingRates });
      await tx.category.createMany({ data: data.categories });
      const sold = soldCountsByProduct(data);
      await tx.product.createMany({ data: data.products.map((p) => ({ ...p, soldCount: sold.get(p.id!) ?? 0 })) });
      await tx.productVariant.createMany({ data: data.variants });
      await tx.productImage.createMany({ data: images });
      await chunked(data.orders, (chunk) => tx.order.createMany({ data: chunk }));
      await chunked(data.payments, (chunk) => tx.payment.createMany({ data: chunk }));
      await chunked(data.storeOrders, (chunk) => tx.storeOrder.createMany({ data: chunk }));
      await chunked(data.orderItems, (chunk) => tx.orderItem.createMany({ data: chunk }));
      await chunked(data.events, (chunk) => tx.storeOrderEvent.createMany({ data: chunk }));
      await chunked(data.movements, (chunk) => tx.stockMovement.createMany({ data: chunk }));
      const ledger = demoLedger(data);
      await tx.payout.createMany({ data: ledger.payouts });
      await chunked(ledger.entries, (chunk) => tx.ledgerEntry.createMany({ data: chunk }));
      await tx.auditLog.createMany({ data: data.audits });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

export interface SeedOptions {
  storage: ImageStorage;
  referenceDate: Date;
  force?: boolean;
  log?: (message: string) => void;
}

export type SeedResult = { status: "skipped" } | { status: "seeded"; counts: Record<string, number>; millis: Record<string, number> };

export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.findFirst({ select: { id: true } })) !== null;
}

export async function seedDatabase(prisma: PrismaClient, options: SeedOptions): Promise<SeedResult> {
  const millis: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    millis[name] = Math.round(now - mark);
    mark = now;
  };

  if (await isSeeded(prisma)) {
    if (!options.force) return { status: "skipped" };
    await wipeDemoData(prisma);
    lap("wipe");
  }
  await loadReferenceData(prisma);
  lap("reference data");

  // bcrypt is slow on purpose: hash the one demo password once and share it.
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const regions = await prisma.region.findMany({
    where: { OR: DEMO_PROVINCES.map((code) => ({ code: { startsWith: `${code}.` } })) },
    select: { code: true, name: true, level: true, parentCode: true },
    orderBy: { code: "asc" },
  });
  const data = buildDemoData({ referenceDate: options.referenceDate, passwordHash, regions });
  lap("build");

  // Photos are drawn and stored before the transaction, so the transaction only writes rows.
  const images = await renderProductImages(options.storage, data.photoJobs);
  lap("photos");

  await writeDemoData(prisma, data, images);
  await seedGraduation(prisma, { referenceDate: options.referenceDate });
  await seedCoachingSessions(prisma, { referenceDate: options.referenceDate, households: data.households });
  lap("write");

  const counts = await countDemoRows(prisma);
  options.log?.(`seeded: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(", ")}`);
  return { status: "seeded", counts, millis };
}

export async function countDemoRows(prisma: PrismaClient): Promise<Record<string, number>> {
  const [regions, povertyLines, users, households, kubeGroups, stores, categories, products, variants, images, orders, storeOrders, orderItems, payments, events, stockMovements, auditLogs] =
    await Promise.all([
      prisma.region.count(),
      prisma.povertyLine.count(),
      prisma.user.count(),
      prisma.household.count(),
      prisma.kubeGroup.count(),
      prisma.store.count(),
      prisma.category.count(),
      prisma.product.count(),
      prisma.productVariant.count(),
      prisma.productImage.count(),
      prisma.order.count(),
      prisma.storeOrder.count(),
      prisma.orderItem.count(),
      prisma.payment.count(),
      prisma.storeOrderEvent.count(),
      prisma.stockMovement.count(),
      prisma.auditLog.count(),
    ]);
  return { regions, povertyLines, users, households, kubeGroups, stores, categories, products, variants, images, orders, storeOrders, orderItems, payments, events, stockMovements, auditLogs };
}

// ---------------------------------------------------------------- command line

async function main() {
  const started = performance.now();
  const force = process.argv.includes("--force") || process.env.SEED_FORCE === "1";
  const referenceDate = parseReferenceDate(process.env.SEED_REFERENCE_DATE);
  // Imported here: tests import this module with their own client and storage.
  const [{ prisma }, { getImageStorage }] = await Promise.all([import("~/utils/db.server"), import("~/services/image-storage.server")]);
  try {
    const result = await seedDatabase(prisma, { storage: getImageStorage(), referenceDate, force, log: console.log });
    if (result.status === "skipped") {
      console.log("database already seeded (use --force or SEED_FORCE=1 to wipe and seed again)");
      return;
    }
    console.log(`reference date ${referenceDate.toISOString()}`);
    console.log(`timing (ms): ${Object.entries(result.millis).map(([k, ms]) => `${k} ${ms}`).join(", ")}`);
    console.log(`seed finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

