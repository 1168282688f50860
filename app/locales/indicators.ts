/** Graduation indicators: income, poverty line ratio, readiness, and how each figure is computed (decision 15). */
const id = {
  title: "Indikator graduasi",
  month: "Bulan",
  monthPartial: "{{month}} (berjalan)",
  partialNote: "Bulan ini belum selesai; angkanya masih bisa bertambah.",
  businessIncome: "Pendapatan bersih usaha",
  otherIncome: "Pendapatan lain (dari penilaian)",
  otherIncomeNone: "Belum pernah dicatat",
  totalIncome: "Pendapatan keluarga",
  members: "Anggota keluarga",
  perCapita: "Pendapatan per orang",
  povertyLine: "Garis kemiskinan BPS",
  povertyLineOf: "{{area}}, provinsi {{province}}, periode {{period}}",
  povertyLineSource: "Sumber: {{source}}",
  ratio: "Dibanding garis kemiskinan",
  ratioValue: "{{percent}} %",
  wage: "Dibanding UMK {{year}}",
  wageUnknown: "UMK kabupaten/kota ini belum dimuat; tidak dibandingkan.",
  streak: "Bulan berturut-turut di atas batas siap",
  streakValue: "{{count}} dari {{needed}} bulan",
  tierLabel: "Kesiapan",
  orders: "Pesanan selesai",
  evidence: "Lihat bukti",
  area: {
    URBAN: "perkotaan",
    RURAL: "perdesaan",
    TOTAL: "kota dan desa",
  },
  tier: {
    INACTIVE: "Belum aktif berjualan",
    GROWING: "Tumbuh",
    DEVELOPING: "Berkembang",
    APPROACHING: "Mendekati siap",
    READY: "Siap graduasi",
    UNKNOWN: "Tidak dapat dihitung",
  },
  missingLine:
    "Garis kemiskinan BPS untuk provinsi {{province}} ({{area}}) pada atau sebelum {{month}} belum ada di sistem, jadi rasio dan kesiapan tidak dapat dihitung. Admin dapat mengunggah data BPS periode baru.",
  howTitle: "Bagaimana angka ini dihitung?",
  howMonth: "Setiap bulan dihitung menurut kalender di zona waktu keluarga ({{zone}}): pesanan yang selesai pukul 23.30 pada hari terakhir bulan masih masuk bulan itu.",
  howBusiness:
    "Pendapatan bersih usaha = harga barang dari pesanan yang selesai − modal barang − komisi − dana yang dikembalikan kepada pembeli (pada bulan dana dikembalikan, termasuk ongkir) + komisi yang dikembalikan. Ini sama dengan laba bersih di laporan penjualan toko.",
  howKube: "Untuk toko KUBE, pendapatan bersih toko dibagi menurut bagian setiap keluarga yang disepakati saat KUBE dibentuk (dibulatkan ke rupiah terdekat).",
  howOther:
    "Pendapatan lain (misalnya upah atau hasil kebun yang tidak dijual di Pasar Mandiri) dicatat pendamping saat penilaian dan berlaku mulai bulan penilaian itu sampai ada penilaian baru.",
  howPerCapita: "Pendapatan per orang = (pendapatan bersih usaha + pendapatan lain) ÷ jumlah anggota keluarga.",
  howLine:
    "Garis kemiskinan adalah angka BPS per orang per bulan untuk provinsi dan jenis daerah (perkotaan/perdesaan) keluarga, dari periode terbaru yang tidak lebih lambat dari bulan itu. Jika tidak ada, sistem tidak menebak.",
  howRatio: "Rasio = pendapatan per orang ÷ garis kemiskinan × 100 %.",
  howTiers:
    "Kesiapan: tanpa pesanan selesai pada bulan itu = belum aktif; di bawah {{developing}} % = tumbuh; mulai {{developing}} % = berkembang; mulai {{approaching}} % = mendekati siap; siap graduasi jika rasio paling sedikit {{ready}} % selama {{months}} bulan berturut-turut.",
  howPolicy: "Batas-batas ini adalah pengaturan program Pasar Mandiri, bukan ketentuan resmi Kemensos.",
  howWage: "Jika UMK kabupaten/kota sudah dimuat oleh admin, pendapatan keluarga juga dibandingkan dengan UMK tahun itu.",
};

const en: typeof id = {
  title: "Graduation indicators",
  month: "Month",
  monthPartial: "{{month}} (in progress)",
  partialNote: "This month is not over yet; the figures may still grow.",
  businessIncome: "Net business income",
  otherIncome: "Other income (from an assessment)",
  otherIncomeNone: "Never recorded",
  totalIncome: "Household income",
  members: "Household members",
  perCapita: "Income per person",
  povertyLine: "BPS poverty line",
  povertyLineOf: "{{area}}, province {{province}}, period {{period}}",
  povertyLineSource: "Source: {{source}}",
  ratio: "Against the poverty line",
  ratioValue: "{{percent}}%",
  wage: "Against the {{year}} minimum wage (UMK)",
  wageUnknown: "This regency's minimum wage (UMK) is not loaded; no comparison.",
  streak: "Months in a row above the ready level",
  streakValue: "{{count}} of {{needed}} months",
  tierLabel: "Readiness",
  orders: "Completed orders",
  evidence: "See evidence",
  area: {
    URBAN: "urban",
    RURAL: "rural",
    TOTAL: "urban and rural",
  },
  tier: {
    INACTIVE: "Not selling yet",
    GROWING: "Growing",
    DEVELOPING: "Developing",
    APPROACHING: "Approaching",
    READY: "Ready to graduate",
    UNKNOWN: "Cannot be computed",
  },
  missingLine:
    "There is no BPS poverty line in the system for province {{province}} ({{area}}) on or before {{month}}, so the ratio and readiness cannot be computed. An admin can upload a new BPS period.",
  howTitle: "How is this computed?",
  howMonth: "Each month is a calendar month in the family's time zone ({{zone}}): an order completed at 23:30 on the last day of a month still counts in that month.",
  howBusiness:
    "Net business income = goods price of completed orders − cost of goods − commission − money refunded to buyers (in the month it went back, shipping included) + commission given back. It equals the net profit in the store's sales statement.",
  howKube: "For a KUBE store, the store's net income is split by each family's share agreed when the KUBE was formed (to the nearest Rupiah).",
  howOther:
    "Other income (such as wages or farm produce not sold on Pasar Mandiri) is recorded by the facilitator in an assessment and applies from that assessment's month until a newer assessment.",
  howPerCapita: "Income per person = (net business income + other income) ÷ household members.",
  howLine:
    "The poverty line is the BPS figure per person per month for the family's province and area type (urban/rural), from the latest period not after that month. Where there is none, the system does not guess.",
  howRatio: "Ratio = income per person ÷ poverty line × 100%.",
  howTiers:
    "Readiness: no completed order in the month = not selling yet; below {{developing}}% = growing; from {{developing}}% = developing; from {{approaching}}% = approaching; ready to graduate when the ratio is at least {{ready}}% for {{months}} months in a row.",
  howPolicy: "These levels are Pasar Mandiri program settings, not an official Kemensos rule.",
  howWage: "When an admin has loaded the regency's minimum wage (UMK), household income is also compared with that year's UMK.",
};

export default { id, en };
