<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Brankas</source>
        <translation>Tentang Brankas</translation>
    </message>
    <message>
        <source>Brankas {version}</source>
        <translation>Brankas {version}</translation>
    </message>
    <message>
        <source>Keeps the official social media accounts of the Panwaslu Kecamatan, their passwords and their handovers in an encrypted vault, and prepares the archive for the province.</source>
        <translation>Menyimpan akun media sosial resmi Panwaslu Kecamatan beserta kata sandi dan serah terimanya dalam brankas terenkripsi, serta menyiapkan arsip untuk Bawaslu Provinsi.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later.</source>
        <translation>Perangkat lunak bebas di bawah GNU General Public License versi 3 atau yang lebih baru.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Brankas</source>
        <translation>Brankas</translation>
    </message>
    <message>
        <source>Components and licences</source>
        <translation>Komponen dan lisensi</translation>
    </message>
    <message>
        <source>Brankas uses Qt under the GNU Lesser General Public License, version 3, as separate libraries that can be replaced. The licences of every component are on the next tab.</source>
        <translation>Brankas memakai Qt di bawah GNU Lesser General Public License versi 3, sebagai pustaka terpisah yang dapat diganti. Lisensi setiap komponen ada di tab berikutnya.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
    <message>
        <source>Click a component to read its licence.</source>
        <translation>Klik sebuah komponen untuk membaca lisensinya.</translation>
    </message>
    <message>
        <source>The licence text of {name} is missing from this installation.</source>
        <translation>Teks lisensi {name} tidak ada dalam pemasangan ini.</translation>
    </message>
</context>
<context>
    <name>AccountChoiceModel</name>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Dipegang oleh</translation>
    </message>
    <message>
        <source>the office</source>
        <translation>kantor</translation>
    </message>
</context>
<context>
    <name>AccountDetailPanel</name>
    <message>
        <source>Choose an account to see its details.</source>
        <translation>Pilih akun untuk melihat rinciannya.</translation>
    </message>
    <message>
        <source>Copy the username (Ctrl+B)</source>
        <translation>Salin nama pengguna (Ctrl+B)</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nama pengguna:</translation>
    </message>
    <message>
        <source>Show the password (recorded in the audit log)</source>
        <translation>Tampilkan kata sandi (dicatat di log audit)</translation>
    </message>
    <message>
        <source>Copy the password (Ctrl+C)</source>
        <translation>Salin kata sandi (Ctrl+C)</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <source>TOTP code:</source>
        <translation>Kode TOTP:</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Pemulihan</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Page access</source>
        <translation>Akses Halaman</translation>
    </message>
    <message>
        <source>Password changes</source>
        <translation>Penggantian kata sandi</translation>
    </message>
    <message>
        <source>Who held it</source>
        <translation>Siapa yang memegangnya</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>held by {name}</source>
        <translation>dipegang oleh {name}</translation>
    </message>
    <message>
        <source>held by the office</source>
        <translation>dipegang oleh kantor</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Belum dicatat</translation>
    </message>
</context>
<context>
    <name>AccountEditor</name>
    <message>
        <source>Edit account {handle}</source>
        <translation>Ubah akun {handle}</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Akun baru</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Recovery chain</source>
        <translation>Rantai pemulihan</translation>
    </message>
    <message>
        <source>Page access</source>
        <translation>Akses Halaman</translation>
    </message>
    <message>
        <source>Password and secrets</source>
        <translation>Kata sandi dan rahasia</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The changes you had not saved when the vault locked are back. Passwords, keys and codes are never kept: type them again if needed.</source>
        <translation>Perubahan yang belum Anda simpan saat brankas terkunci sudah dikembalikan. Kata sandi, kunci, dan kode tidak pernah disimpan: ketik ulang bila perlu.</translation>
    </message>
</context>
<context>
    <name>AccountEventsModel</name>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Peristiwa</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
</context>
<context>
    <name>AccountLabels</name>
    <message>
        <source>Planned</source>
        <translation>Direncanakan</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Kept (permanent)</source>
        <translation>Dipertahankan</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Diarsipkan</translation>
    </message>
    <message>
        <source>Permanent (handed to the next committee)</source>
        <translation>Permanen (diserahkan ke panitia berikutnya)</translation>
    </message>
    <message>
        <source>Ad hoc (deactivated at the term end)</source>
        <translation>Ad hoc (dinonaktifkan saat masa tugas berakhir)</translation>
    </message>
    <message>
        <source>The office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>A person</source>
        <translation>Perorangan</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>Aplikasi autentikator</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>Kode SMS</translation>
    </message>
    <message>
        <source>E-mail code</source>
        <translation>Kode surel</translation>
    </message>
    <message>
        <source>Security key</source>
        <translation>Kunci keamanan</translation>
    </message>
    <message>
        <source>Full control</source>
        <translation>Kendali penuh</translation>
    </message>
    <message>
        <source>Partial control</source>
        <translation>Kendali sebagian</translation>
    </message>
    <message>
        <source>Task access</source>
        <translation>Akses tugas</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Kata sandi pertama</translation>
    </message>
    <message>
        <source>After a handover</source>
        <translation>Setelah serah terima</translation>
    </message>
    <message>
        <source>Routine change</source>
        <translation>Penggantian rutin</translation>
    </message>
    <message>
        <source>Suspected misuse</source>
        <translation>Dugaan penyalahgunaan</translation>
    </message>
    <message>
        <source>An operator was removed</source>
        <translation>Ada operator yang dihapus</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Ketua</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Secretariat staff</source>
        <translation>Staf sekretariat</translation>
    </message>
    <message>
        <source>Regency official</source>
        <translation>Pejabat kabupaten/kota</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>This looks like a personal Facebook profile. Official accounts must be Pages.</source>
        <translation>Ini tampaknya profil Facebook pribadi. Akun resmi harus berupa Halaman.</translation>
    </message>
    <message>
        <source>This is a landline number: it cannot receive SMS codes.</source>
        <translation>Ini nomor telepon rumah/kantor (PSTN): tidak dapat menerima kode SMS.</translation>
    </message>
    <message>
        <source>The recovery phone is a landline: it cannot receive SMS codes.</source>
        <translation>Nomor pemulihan adalah telepon rumah/kantor (PSTN): tidak dapat menerima kode SMS.</translation>
    </message>
    <message>
        <source>The recovery e-mail belongs to a person, not the office.</source>
        <translation>Surel pemulihan milik perorangan, bukan milik kantor.</translation>
    </message>
    <message>
        <source>The recovery e-mail is a free address whose owner is not recorded.</source>
        <translation>Surel pemulihan memakai layanan gratis dan pemiliknya belum dicatat.</translation>
    </message>
    <message>
        <source>The recovery phone (SIM) belongs to or is held by a person.</source>
        <translation>Nomor pemulihan (SIM) milik atau dipegang oleh perorangan.</translation>
    </message>
    <message>
        <source>Two-factor codes arrive on a person&apos;s own device.</source>
        <translation>Kode verifikasi dua langkah masuk ke perangkat milik perorangan.</translation>
    </message>
    <message>
        <source>Fewer than two regency officials have full control of this Page.</source>
        <translation>Kurang dari dua pejabat kabupaten/kota yang memegang kendali penuh atas Halaman ini.</translation>
    </message>
    <message>
        <source>A committee member has full control of this Page; give them partial or task access instead.</source>
        <translation>Ada anggota panitia yang memegang kendali penuh atas Halaman ini; berikan akses sebagian atau akses tugas saja.</translation>
    </message>
    <message>
        <source>password</source>
        <translation>kata sandi</translation>
    </message>
    <message>
        <source>TOTP code</source>
        <translation>kode TOTP</translation>
    </message>
    <message>
        <source>authenticator key</source>
        <translation>kunci autentikator</translation>
    </message>
    <message>
        <source>backup codes</source>
        <translation>kode cadangan</translation>
    </message>
    <message>
        <source>secret notes</source>
        <translation>catatan rahasia</translation>
    </message>
    <message>
        <source>username</source>
        <translation>nama pengguna</translation>
    </message>
    <message>
        <source>old passwords</source>
        <translation>kata sandi lama</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Active period:</source>
        <translation>Masa aktif:</translation>
    </message>
    <message>
        <source>Recovery e-mail:</source>
        <translation>Surel pemulihan:</translation>
    </message>
    <message>
        <source>Recovery phone:</source>
        <translation>Telepon pemulihan:</translation>
    </message>
    <message>
        <source>On record:</source>
        <translation>Tercatat:</translation>
    </message>
    <message>
        <source>Reveal password…</source>
        <translation>Tampilkan kata sandi…</translation>
    </message>
    <message>
        <source>Reveal TOTP secret…</source>
        <translation>Tampilkan rahasia TOTP…</translation>
    </message>
    <message>
        <source>Reveal backup codes…</source>
        <translation>Tampilkan kode cadangan…</translation>
    </message>
    <message>
        <source>(regency level)</source>
        <translation>(tingkat kabupaten/kota)</translation>
    </message>
    <message>
        <source>Findings about the kecamatan itself ({n}); choose an account for its own.</source>
        <translation>Temuan tentang kecamatan ini sendiri ({n}); pilih akun untuk melihat temuannya.</translation>
    </message>
    <message>
        <source>password</source>
        <translation>kata sandi</translation>
    </message>
    <message>
        <source>no password</source>
        <translation>tanpa kata sandi</translation>
    </message>
    <message>
        <source>TOTP secret</source>
        <translation>rahasia TOTP</translation>
    </message>
    <message>
        <source>no TOTP secret</source>
        <translation>tanpa rahasia TOTP</translation>
    </message>
    <message>
        <source>This archive was exported without passwords (metadata only).</source>
        <translation>Arsip ini diekspor tanpa kata sandi (metadata saja).</translation>
    </message>
    <message>
        <source>Findings ({n})</source>
        <translation>Temuan ({n})</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>belum diisi</translation>
    </message>
    <message>
        <source>the office&apos;s</source>
        <translation>milik kantor</translation>
    </message>
    <message>
        <source>a person&apos;s</source>
        <translation>milik pribadi</translation>
    </message>
    <message>
        <source>owner not recorded</source>
        <translation>kepemilikan belum dicatat</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>A link of the recovery chain belongs to a person.</source>
        <translation>Ada mata rantai pemulihan yang milik perorangan.</translation>
    </message>
    <message>
        <source>The password must be changed (it came back from a committee).</source>
        <translation>Kata sandi harus diganti (akun sudah dikembalikan oleh panitia).</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Dipegang oleh</translation>
    </message>
    <message>
        <source>Active until</source>
        <translation>Aktif sampai</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Sandi diganti</translation>
    </message>
    <message>
        <source>When the password was last changed</source>
        <translation>Kapan kata sandi terakhir diganti</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Password change due</source>
        <translation>Kata sandi perlu diganti</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Akun baru</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Ubah akun</translation>
    </message>
    <message>
        <source>Copy username</source>
        <translation>Salin nama pengguna</translation>
    </message>
    <message>
        <source>Copy password</source>
        <translation>Salin kata sandi</translation>
    </message>
    <message>
        <source>Copy TOTP code</source>
        <translation>Salin kode TOTP</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Hapus akun</translation>
    </message>
    <message>
        <source>New account (Ctrl+N)</source>
        <translation>Akun baru (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit the selected account (Enter)</source>
        <translation>Ubah akun yang dipilih (Enter)</translation>
    </message>
    <message>
        <source>Delete an account registered by mistake (only while it is planned)</source>
        <translation>Hapus akun yang salah didaftarkan (hanya selama masih direncanakan)</translation>
    </message>
    <message>
        <source>{shown} of {total} accounts</source>
        <translation>{shown} dari {total} akun</translation>
    </message>
    <message>
        <source>{total} accounts</source>
        <translation>{total} akun</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>TOTP code</source>
        <translation>Kode TOTP</translation>
    </message>
    <message>
        <source>Saved, with a caution</source>
        <translation>Tersimpan, dengan catatan</translation>
    </message>
    <message>
        <source>Delete {handle}? Only an account registered by mistake should be deleted; its password and notes go with it.</source>
        <translation>Hapus {handle}? Hanya akun yang salah didaftarkan yang boleh dihapus; kata sandi dan catatannya ikut terhapus.</translation>
    </message>
</context>
<context>
    <name>AddOperatorDialog</name>
    <message>
        <source>Add an operator</source>
        <translation>Tambah operator</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambahkan</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Peran:</translation>
    </message>
    <message>
        <source>Tell the new operator this first password in person; they can change it after unlocking.</source>
        <translation>Sampaikan kata sandi pertama ini kepada operator baru secara langsung; kata sandi dapat diganti setelah brankas dibuka.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>First admin</source>
        <translation>Admin pertama</translation>
    </message>
    <message>
        <source>The admin adds the other operators and keeps the recovery kit. Each person who uses Brankas gets their own name and password later.</source>
        <translation>Admin menambahkan operator lain dan menyimpan kit pemulihan. Setiap orang yang memakai Brankas nanti mendapat nama dan kata sandinya sendiri.</translation>
    </message>
    <message>
        <source>Full name, e.g. Siti Rahmawati</source>
        <translation>Nama lengkap, mis. Siti Rahmawati</translation>
    </message>
    <message>
        <source>Admin name:</source>
        <translation>Nama admin:</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>The vault was locked after {minutes} minutes without activity.</source>
        <translation>Brankas dikunci setelah {minutes} menit tanpa aktivitas.</translation>
    </message>
    <message>
        <source>The vault was locked when the window was minimised.</source>
        <translation>Brankas dikunci karena jendela diminimalkan.</translation>
    </message>
    <message>
        <source>The vault was locked because the computer was locked.</source>
        <translation>Brankas dikunci karena komputer dikunci.</translation>
    </message>
</context>
<context>
    <name>ArchiveCheckDialog</name>
    <message>
        <source>Review archive checked</source>
        <translation>Arsip tinjauan diperiksa</translation>
    </message>
    <message>
        <source>The signature and the hashes of “{name}” verify: nothing in it changed after it was signed. Nothing was decrypted.</source>
        <translation>Tanda tangan dan hash “{name}” terverifikasi: tidak ada isinya yang berubah sejak ditandatangani. Tidak ada yang didekripsi.</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Kantor:</translation>
    </message>
    <message>
        <source>Terms:</source>
        <translation>Masa tugas:</translation>
    </message>
    <message>
        <source>Exported:</source>
        <translation>Diekspor:</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Isi:</translation>
    </message>
    <message>
        <source>usernames and passwords</source>
        <translation>nama pengguna dan kata sandi</translation>
    </message>
    <message>
        <source>metadata only (no passwords)</source>
        <translation>metadata saja (tanpa kata sandi)</translation>
    </message>
    <message>
        <source>Signing key fingerprint:</source>
        <translation>Sidik jari kunci tanda tangan:</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>ID kunci:</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Ditandatangani dengan:</translation>
    </message>
    <message>
        <source>this office&apos;s own signing key (an archive exported from this vault)</source>
        <translation>kunci tanda tangan kantor ini sendiri (arsip yang diekspor dari brankas ini)</translation>
    </message>
    <message>
        <source>another office&apos;s key, not this vault&apos;s</source>
        <translation>kunci kantor lain, bukan kunci brankas ini</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>A signature proves only that nothing changed after signing, not who signed. Compare the fingerprint with the one in the letter that came with the archive, and the SHA-256 with its cover sheet. The archive itself is opened in the province&apos;s vault.</source>
        <translation>Tanda tangan hanya membuktikan bahwa tidak ada yang berubah sejak ditandatangani, bukan siapa yang menandatangani. Cocokkan sidik jari dengan yang tertera pada surat pengantar arsip, dan SHA-256 dengan lembar pengantarnya. Arsip itu sendiri dibuka di brankas provinsi.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Review archive</source>
        <translation>Arsip tinjauan</translation>
    </message>
</context>
<context>
    <name>ArchiveDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ArchiveErrors</name>
    <message>
        <source>The vault failed its integrity check, so it was not exported. Restore a backup or ask your IT staff for help.</source>
        <translation>Brankas gagal dalam pemeriksaan keutuhan, sehingga tidak diekspor. Pulihkan cadangan atau minta bantuan staf TI.</translation>
    </message>
    <message>
        <source>The audit log has been changed or damaged, so the vault was not exported. Check the audit log (Audit log → Verify chain) and ask your IT staff for help.</source>
        <translation>Log audit telah diubah atau rusak, sehingga brankas tidak diekspor. Periksa log audit (Log audit → Verifikasi rantai) dan minta bantuan staf TI.</translation>
    </message>
    <message>
        <source>Only a regency&apos;s or city&apos;s vault exports review archives.</source>
        <translation>Hanya brankas kabupaten/kota yang dapat mengekspor arsip tinjauan.</translation>
    </message>
    <message>
        <source>The office code is not set. Set it in the office profile first; it names the archive and identifies this office to the province.</source>
        <translation>Kode kantor belum diisi. Isi dahulu di profil kantor; kode ini menjadi nama arsip dan pengenal kantor ini bagi provinsi.</translation>
    </message>
    <message>
        <source>Choose at least one term to export.</source>
        <translation>Pilih sekurang-kurangnya satu masa tugas untuk diekspor.</translation>
    </message>
    <message>
        <source>The province&apos;s public key has not been imported yet. Import it in Settings (Review archive) after comparing its fingerprint with the province&apos;s letter.</source>
        <translation>Kunci publik provinsi belum diimpor. Impor di Pengaturan (Arsip tinjauan) setelah sidik jarinya dicocokkan dengan surat dari provinsi.</translation>
    </message>
    <message>
        <source>The output folder does not exist. Choose another folder.</source>
        <translation>Folder tujuan tidak ada. Pilih folder lain.</translation>
    </message>
    <message>
        <source>Too many recipients for one archive.</source>
        <translation>Terlalu banyak penerima untuk satu arsip.</translation>
    </message>
    <message>
        <source>This archive was already imported.</source>
        <translation>Arsip ini sudah pernah diimpor.</translation>
    </message>
    <message>
        <source>A newer archive from this regency&apos;s vault was already imported; this one is older.</source>
        <translation>Arsip yang lebih baru dari brankas kabupaten/kota ini sudah diimpor; arsip ini lebih lama.</translation>
    </message>
    <message>
        <source>This is not a valid province key. Paste the line that starts with age1, or choose the key file the province sent.</source>
        <translation>Ini bukan kunci provinsi yang sah. Tempelkan baris yang diawali age1, atau pilih berkas kunci yang dikirim provinsi.</translation>
    </message>
    <message>
        <source>Give a reason; it is recorded in the audit log.</source>
        <translation>Isi alasannya; alasan dicatat dalam log audit.</translation>
    </message>
    <message>
        <source>This can only be done in a province&apos;s vault.</source>
        <translation>Ini hanya dapat dilakukan di brankas provinsi.</translation>
    </message>
    <message>
        <source>This archive was exported without passwords (metadata only), so there is nothing to reveal.</source>
        <translation>Arsip ini diekspor tanpa kata sandi (metadata saja), jadi tidak ada yang dapat ditampilkan.</translation>
    </message>
    <message>
        <source>That account is not in this archive.</source>
        <translation>Akun itu tidak ada dalam arsip ini.</translation>
    </message>
    <message>
        <source>This archive is not authentic: its signature does not verify. Do not use it; ask the regency to send the archive again.</source>
        <translation>Arsip ini tidak otentik: tanda tangannya tidak sah. Jangan digunakan; minta kabupaten/kota mengirim ulang arsipnya.</translation>
    </message>
    <message>
        <source>This archive was changed after it was signed. Do not use it; ask the regency to send the archive again.</source>
        <translation>Arsip ini diubah setelah ditandatangani. Jangan digunakan; minta kabupaten/kota mengirim ulang arsipnya.</translation>
    </message>
    <message>
        <source>This archive is not for this province&apos;s key, so it cannot be opened here. The regency may have used an old or wrong province key.</source>
        <translation>Arsip ini bukan untuk kunci provinsi ini, sehingga tidak dapat dibuka di sini. Kabupaten/kota mungkin memakai kunci provinsi yang lama atau salah.</translation>
    </message>
    <message>
        <source>This file is not a valid Brankas archive, or it is damaged.</source>
        <translation>Berkas ini bukan arsip Brankas yang sah, atau berkasnya rusak.</translation>
    </message>
    <message>
        <source>This archive, or a file inside it, is larger than Brankas accepts.</source>
        <translation>Arsip ini, atau berkas di dalamnya, lebih besar daripada batas yang diterima Brankas.</translation>
    </message>
    <message>
        <source>This archive was made by a newer version of Brankas. Update Brankas to open it.</source>
        <translation>Arsip ini dibuat oleh Brankas versi yang lebih baru. Perbarui Brankas untuk membukanya.</translation>
    </message>
    <message>
        <source>This archive contradicts its own signed description (its counts or its audit log). Ask the regency to export it again.</source>
        <translation>Isi arsip ini bertentangan dengan keterangannya sendiri yang ditandatangani (jumlah data atau log auditnya). Minta kabupaten/kota mengekspornya lagi.</translation>
    </message>
    <message>
        <source>This archive, or a newer one from the same vault, was already imported.</source>
        <translation>Arsip ini, atau yang lebih baru dari brankas yang sama, sudah pernah diimpor.</translation>
    </message>
    <message>
        <source>This archive is signed with a different key than the one on record for this regency. An admin must confirm the new key, with a reason, before it is imported.</source>
        <translation>Arsip ini ditandatangani dengan kunci yang berbeda dari kunci yang tercatat untuk kabupaten/kota ini. Admin harus mengonfirmasi kunci baru itu, dengan alasan, sebelum arsip diimpor.</translation>
    </message>
    <message>
        <source>This is the first archive from this regency. Confirm its key fingerprint against the regency&apos;s letter before it is imported.</source>
        <translation>Ini arsip pertama dari kabupaten/kota ini. Cocokkan sidik jari kuncinya dengan surat dari kabupaten/kota sebelum arsip diimpor.</translation>
    </message>
    <message>
        <source>The archive cannot be exported now.</source>
        <translation>Arsip tidak dapat diekspor sekarang.</translation>
    </message>
    <message>
        <source>The archive was refused.</source>
        <translation>Arsip ditolak.</translation>
    </message>
</context>
<context>
    <name>ArchiveKeysBox</name>
    <message>
        <source>Review archive</source>
        <translation>Arsip tinjauan</translation>
    </message>
    <message>
        <source>This office&apos;s signing key:</source>
        <translation>Kunci tanda tangan kantor ini:</translation>
    </message>
    <message>
        <source>Province key:</source>
        <translation>Kunci provinsi:</translation>
    </message>
    <message>
        <source>Its fingerprint:</source>
        <translation>Sidik jarinya:</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ganti…</translation>
    </message>
    <message>
        <source>Save public key file…</source>
        <translation>Simpan berkas kunci publik…</translation>
    </message>
    <message>
        <source>This province&apos;s public key:</source>
        <translation>Kunci publik provinsi ini:</translation>
    </message>
    <message>
        <source>Send this file to the regencies with a signed letter that states the fingerprint; they compare it before they import the key.</source>
        <translation>Kirim berkas ini kepada kabupaten/kota bersama surat bertanda tangan yang mencantumkan sidik jarinya; mereka mencocokkannya sebelum mengimpor kunci.</translation>
    </message>
    <message>
        <source>Save signing key file…</source>
        <translation>Simpan berkas kunci tanda tangan…</translation>
    </message>
    <message>
        <source>not imported yet</source>
        <translation>belum diimpor</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Impor…</translation>
    </message>
    <message>
        <source>Only an admin can do this.</source>
        <translation>Hanya admin yang dapat melakukan ini.</translation>
    </message>
    <message>
        <source>Archives for the province are signed with this office&apos;s key and encrypted to the province key. Put the signing key&apos;s fingerprint in the letter that goes with each archive.</source>
        <translation>Arsip untuk provinsi ditandatangani dengan kunci kantor ini dan dienkripsi dengan kunci provinsi. Cantumkan sidik jari kunci tanda tangan dalam surat pengantar setiap arsip.</translation>
    </message>
    <message>
        <source>Save the province&apos;s public key</source>
        <translation>Simpan kunci publik provinsi</translation>
    </message>
    <message>
        <source>Brankas province key (*{ext});;Text files (*.txt)</source>
        <translation>Kunci provinsi Brankas (*{ext});;Berkas teks (*.txt)</translation>
    </message>
    <message>
        <source>Save this office&apos;s signing key</source>
        <translation>Simpan kunci tanda tangan kantor ini</translation>
    </message>
</context>
<context>
    <name>ArchiveUi</name>
    <message>
        <source>E&amp;xport archive for the province…</source>
        <translation>E&amp;kspor arsip untuk provinsi…</translation>
    </message>
    <message>
        <source>Regency archives</source>
        <translation>Arsip Kabupaten/Kota</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <source>Only an admin can export archives.</source>
        <translation>Hanya admin yang dapat mengekspor arsip.</translation>
    </message>
</context>
<context>
    <name>ArchivesPage</name>
    <message>
        <source>Regency archives</source>
        <translation>Arsip Kabupaten/Kota</translation>
    </message>
    <message>
        <source>Import the review archives the regencies and cities send (.brankas files). Each file is checked before anything in it is shown: its signature, its contents, and that it is addressed to this province. You can also drop files here.</source>
        <translation>Impor arsip tinjauan yang dikirim kabupaten/kota (berkas .brankas). Setiap berkas diperiksa sebelum isinya ditampilkan: tanda tangannya, isinya, dan bahwa arsip itu ditujukan kepada provinsi ini. Berkas juga dapat diseret ke halaman ini.</translation>
    </message>
    <message>
        <source>Import archives…</source>
        <translation>Impor arsip…</translation>
    </message>
    <message>
        <source>Archives kept in this vault</source>
        <translation>Arsip yang tersimpan di brankas ini</translation>
    </message>
    <message>
        <source>No archives imported yet.</source>
        <translation>Belum ada arsip yang diimpor.</translation>
    </message>
    <message>
        <source>Import review archives</source>
        <translation>Impor arsip tinjauan</translation>
    </message>
    <message>
        <source>Brankas archives (*{ext});;All files (*)</source>
        <translation>Arsip Brankas (*{ext});;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Checking and importing {n} file(s)…</source>
        <translation>Memeriksa dan mengimpor {n} berkas…</translation>
    </message>
    <message>
        <source>{ok} of {n} file(s) imported.</source>
        <translation>{ok} dari {n} berkas diimpor.</translation>
    </message>
</context>
<context>
    <name>AttachKecamatanDialog</name>
    <message>
        <source>Add kecamatan to {term}</source>
        <translation>Tambahkan kecamatan ke {term}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambahkan</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Pilih semua</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>Kosongkan pilihan</translation>
    </message>
    <message>
        <source>Kecamatan:</source>
        <translation>Kecamatan:</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>a committee member</source>
        <translation>seorang anggota panitia</translation>
    </message>
    <message>
        <source>{days} days overdue; {holder} still holds it</source>
        <translation>Terlambat {days} hari; masih dipegang {holder}</translation>
    </message>
    <message>
        <source>Term {phrase}; held by {holder}</source>
        <translation>Masa tugas {phrase}; dipegang {holder}</translation>
    </message>
    <message>
        <source>Marked for a password change</source>
        <translation>Ditandai untuk ganti kata sandi</translation>
    </message>
    <message>
        <source>Handed back on {date} ({number}); password not changed since</source>
        <translation>Dikembalikan {date} ({number}); kata sandi belum diganti</translation>
    </message>
    <message>
        <source>{done} of {total} steps done ({status})</source>
        <translation>{done} dari {total} langkah selesai ({status})</translation>
    </message>
    <message>
        <source>Click to open the account</source>
        <translation>Klik untuk membuka akun</translation>
    </message>
</context>
<context>
    <name>AttentionTray</name>
    <message>
        <source>Brankas: term end</source>
        <translation>Brankas: akhir masa tugas</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Account #{id}</source>
        <translation>Akun #{id}</translation>
    </message>
    <message>
        <source>(recovery kit)</source>
        <translation>(kit pemulihan)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(tidak diketahui)</translation>
    </message>
    <message>
        <source>Kecamatan #{id}</source>
        <translation>Kecamatan #{id}</translation>
    </message>
    <message>
        <source>Term #{id}</source>
        <translation>Masa tugas #{id}</translation>
    </message>
    <message>
        <source>Person #{id}</source>
        <translation>Orang #{id}</translation>
    </message>
    <message>
        <source>Handover #{id}</source>
        <translation>Serah terima #{id}</translation>
    </message>
    <message>
        <source>Office profile</source>
        <translation>Profil kantor</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Deactivation checklist steps</source>
        <translation>Langkah daftar periksa penonaktifan</translation>
    </message>
    <message>
        <source>Province public key</source>
        <translation>Kunci publik provinsi</translation>
    </message>
    <message>
        <source>Province private key</source>
        <translation>Kunci privat provinsi</translation>
    </message>
    <message>
        <source>Archive {id}</source>
        <translation>Arsip {id}</translation>
    </message>
    <message>
        <source>Signing key of {office}</source>
        <translation>Kunci tanda tangan {office}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Peristiwa</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>Terkait</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <source>Every unlock, reveal, copy, change and handover is recorded here. The events are chained: a deleted or edited event breaks the chain.</source>
        <translation>Setiap pembukaan, penampilan, penyalinan, perubahan, dan serah terima dicatat di sini. Peristiwa-peristiwa ini saling berantai: peristiwa yang dihapus atau diubah akan memutus rantai.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Tampilkan:</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Periksa rantai</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Semua peristiwa</translation>
    </message>
    <message>
        <source>The audit chain is intact: {count} events checked.</source>
        <translation>Rantai log audit utuh: {count} peristiwa diperiksa.</translation>
    </message>
    <message>
        <source>That event: {kind}, {when}.</source>
        <translation>Peristiwa tersebut: {kind}, {when}.</translation>
    </message>
</context>
<context>
    <name>BastListModel</name>
    <message>
        <source>BAST number</source>
        <translation>Nomor BAST</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
</context>
<context>
    <name>BastOutput</name>
    <message>
        <source>No printer</source>
        <translation>Tidak ada pencetak</translation>
    </message>
    <message>
        <source>No printer is set up on this PC. Save the BAST as PDF files instead? They can be printed on another PC.</source>
        <translation>Belum ada pencetak (printer) yang terpasang di PC ini. Simpan BAST sebagai berkas PDF saja? Berkas itu dapat dicetak di PC lain.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>Print BAST</source>
        <translation>Cetak BAST</translation>
    </message>
    <message>
        <source>{count} BAST sent to the printer.</source>
        <translation>{count} BAST dikirim ke pencetak.</translation>
    </message>
    <message>
        <source>Save the BAST as PDF</source>
        <translation>Simpan BAST sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a folder for the {count} BAST</source>
        <translation>Pilih folder untuk {count} BAST</translation>
    </message>
    <message>
        <source>{count} BAST saved in {where}.</source>
        <translation>{count} BAST disimpan di {where}.</translation>
    </message>
    <message>
        <source>BAST saved</source>
        <translation>BAST tersimpan</translation>
    </message>
    <message>
        <source>{count} PDF files were saved in {where}.</source>
        <translation>{count} berkas PDF disimpan di {where}.</translation>
    </message>
</context>
<context>
    <name>CapsLockHint</name>
    <message>
        <source>Caps Lock is on</source>
        <translation>Caps Lock aktif</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Ganti kata sandi saya</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Ganti kata sandi</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Kata sandi saat ini:</translation>
    </message>
</context>
<context>
    <name>ChecklistItemsModel</name>
    <message>
        <source>Step</source>
        <translation>Langkah</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Selesai pada</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
</context>
<context>
    <name>ChecklistOverviewModel</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Next: {step}</source>
        <translation>Berikutnya: {step}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} dari {total}</translation>
    </message>
    <message>
        <source>Ready: press Finish</source>
        <translation>Siap: tekan Selesaikan</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <source>After an account is handed back, its platform&apos;s steps are worked through: remove committee members, sign out other sessions, replace the recovery e-mail and phone, then deactivate it, or keep it when it is permanent.</source>
        <translation>Setelah akun dikembalikan, langkah-langkah untuk platformnya dikerjakan: keluarkan anggota panitia, akhiri sesi lain, ganti email dan nomor HP pemulihan, lalu nonaktifkan akun, atau pertahankan bila akun itu permanen.</translation>
    </message>
    <message>
        <source>Kecamatan:</source>
        <translation>Kecamatan:</translation>
    </message>
    <message>
        <source>Show finished checklists</source>
        <translation>Tampilkan daftar periksa yang sudah selesai</translation>
    </message>
    <message>
        <source>Edit the steps…</source>
        <translation>Ubah langkah-langkah…</translation>
    </message>
    <message>
        <source>Admins: the steps of each platform</source>
        <translation>Khusus admin: langkah-langkah setiap platform</translation>
    </message>
    <message>
        <source>No account is waiting for its deactivation checklist.</source>
        <translation>Tidak ada akun yang menunggu daftar periksa penonaktifan.</translation>
    </message>
    <message>
        <source>Change the password…</source>
        <translation>Ganti kata sandi…</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <source>All kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <source>Choose an account to see its steps.</source>
        <translation>Pilih akun untuk melihat langkah-langkahnya.</translation>
    </message>
    <message>
        <source>Finish: keep it (permanent)</source>
        <translation>Selesaikan: pertahankan (permanen)</translation>
    </message>
    <message>
        <source>Finish: deactivated</source>
        <translation>Selesaikan: nonaktifkan</translation>
    </message>
    <message>
        <source>{status}: this checklist is closed.</source>
        <translation>{status}: daftar periksa ini sudah ditutup.</translation>
    </message>
    <message>
        <source>{status}; {done} of {total} steps done.</source>
        <translation>{status}; {done} dari {total} langkah selesai.</translation>
    </message>
    <message>
        <source>Its password still has to be changed.</source>
        <translation>Kata sandinya masih harus diganti.</translation>
    </message>
    <message>
        <source>{handle} is now: {status}.</source>
        <translation>{handle} sekarang: {status}.</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>Welcome to Brankas</source>
        <translation>Selamat datang di Brankas</translation>
    </message>
    <message>
        <source>Brankas keeps the official social media accounts of the Panwaslu Kecamatan, their passwords and their handovers in an encrypted vault on this PC.</source>
        <translation>Brankas menyimpan akun media sosial resmi Panwaslu Kecamatan, kata sandinya, dan serah terimanya dalam brankas terenkripsi di PC ini.</translation>
    </message>
    <message>
        <source>Create a vault for a regency/city office</source>
        <translation>Buat brankas untuk kantor kabupaten/kota</translation>
    </message>
    <message>
        <source>For Bawaslu Kabupaten/Kota: record the kecamatan accounts.</source>
        <translation>Untuk Bawaslu Kabupaten/Kota: mencatat akun-akun kecamatan.</translation>
    </message>
    <message>
        <source>Create a vault for a province office</source>
        <translation>Buat brankas untuk kantor provinsi</translation>
    </message>
    <message>
        <source>For Bawaslu Provinsi: review the archives the regencies send.</source>
        <translation>Untuk Bawaslu Provinsi: memeriksa arsip yang dikirim kabupaten/kota.</translation>
    </message>
    <message>
        <source>Open an existing vault folder</source>
        <translation>Buka folder brankas yang sudah ada</translation>
    </message>
    <message>
        <source>A vault made earlier on this PC, on a shared drive or restored from a copy.</source>
        <translation>Brankas yang dibuat sebelumnya di PC ini, di drive bersama, atau yang dipulihkan dari salinan.</translation>
    </message>
    <message>
        <source>Open the demo vault</source>
        <translation>Buka brankas contoh</translation>
    </message>
    <message>
        <source>Plainly fictional accounts of Kabupaten Buol, to try Brankas before using it for real.</source>
        <translation>Akun-akun rekaan Kabupaten Buol, untuk mencoba Brankas sebelum dipakai sungguhan.</translation>
    </message>
</context>
<context>
    <name>ConfirmKitPage</name>
    <message>
        <source>Confirm the recovery kit</source>
        <translation>Konfirmasi kit pemulihan</translation>
    </message>
    <message>
        <source>This makes sure the kit was printed or written down.</source>
        <translation>Langkah ini memastikan kit sudah dicetak atau dicatat.</translation>
    </message>
</context>
<context>
    <name>CountdownModel</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>Masa tugas berakhir</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>Hitung mundur</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Still with the committee</source>
        <translation>Masih dipegang panitia</translation>
    </message>
    <message>
        <source>{date} (own date)</source>
        <translation>{date} (tanggal sendiri)</translation>
    </message>
</context>
<context>
    <name>CoverSheetButton</name>
    <message>
        <source>Print/Save cover sheet…</source>
        <translation>Cetak/Simpan lembar pengantar…</translation>
    </message>
    <message>
        <source>One page to print, sign, stamp and send with the archive: it states the archive&apos;s SHA-256 and this office&apos;s signing-key fingerprint.</source>
        <translation>Satu halaman untuk dicetak, ditandatangani, dicap, dan dikirim bersama arsip: memuat SHA-256 arsip dan sidik jari kunci penanda tangan kantor ini.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>Print the cover sheet</source>
        <translation>Cetak lembar pengantar</translation>
    </message>
    <message>
        <source>The cover sheet was sent to the printer.</source>
        <translation>Lembar pengantar telah dikirim ke pencetak.</translation>
    </message>
    <message>
        <source>Save the cover sheet as PDF</source>
        <translation>Simpan lembar pengantar sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cover sheet saved: {path}</source>
        <translation>Lembar pengantar disimpan: {path}</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Creating the vault</source>
        <translation>Membuat brankas</translation>
    </message>
    <message>
        <source>Brankas measures this PC to choose how strongly passwords are protected.</source>
        <translation>Brankas mengukur kecepatan PC ini untuk menentukan seberapa kuat kata sandi dilindungi.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Measuring this PC to choose the password protection strength…</source>
        <translation>Mengukur kecepatan PC ini untuk menentukan kekuatan perlindungan kata sandi…</translation>
    </message>
    <message>
        <source>Creating the vault and its first backup…</source>
        <translation>Membuat brankas dan cadangan pertamanya…</translation>
    </message>
    <message>
        <source>The vault was created.</source>
        <translation>Brankas berhasil dibuat.</translation>
    </message>
    <message>
        <source>The vault was not created.</source>
        <translation>Brankas tidak berhasil dibuat.</translation>
    </message>
</context>
<context>
    <name>CredentialSlipDialog</name>
    <message>
        <source>Print credential slips</source>
        <translation>Cetak lembar kata sandi</translation>
    </message>
    <message>
        <source>Each member who received accounts gets a confidential slip with those accounts&apos; passwords ({count} slips). Slips are printed, never saved as files; reading the passwords is recorded in the audit log. Hand each slip over in person, and never attach it to the BAST.</source>
        <translation>Setiap anggota yang menerima akun mendapat lembar rahasia berisi kata sandi akun-akun itu ({count} lembar). Lembar ini hanya dicetak, tidak pernah disimpan sebagai berkas; pembacaan kata sandi dicatat di log audit. Serahkan setiap lembar secara langsung, dan jangan pernah melampirkannya pada BAST.</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>Kata sandi Anda:</translation>
    </message>
    <message>
        <source>Print slips…</source>
        <translation>Cetak lembar…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>No printer is set up on this PC. Credential slips are only printed, never saved as files: print them on a PC with a printer.</source>
        <translation>Belum ada pencetak yang terpasang di PC ini. Lembar kata sandi hanya dicetak, tidak pernah disimpan sebagai berkas: cetak di PC yang memiliki pencetak.</translation>
    </message>
    <message>
        <source>{count} slips sent to the printer.</source>
        <translation>{count} lembar dikirim ke pencetak.</translation>
    </message>
</context>
<context>
    <name>CustodyModel</name>
    <message>
        <source>Held by</source>
        <translation>Dipegang oleh</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>(unknown person)</source>
        <translation>(orang tidak dikenal)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>sekarang</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>the recovery e-mail is a person&apos;s</source>
        <translation>surel pemulihan milik perorangan</translation>
    </message>
    <message>
        <source>the recovery e-mail is at a personal provider</source>
        <translation>surel pemulihan memakai layanan pribadi</translation>
    </message>
    <message>
        <source>the recovery phone is a person&apos;s</source>
        <translation>nomor pemulihan milik perorangan</translation>
    </message>
    <message>
        <source>codes arrive on a person&apos;s device</source>
        <translation>kode masuk ke perangkat perorangan</translation>
    </message>
    <message>
        <source>ends today</source>
        <translation>berakhir hari ini</translation>
    </message>
    <message>
        <source>ends tomorrow</source>
        <translation>berakhir besok</translation>
    </message>
    <message>
        <source>ends in {days} days</source>
        <translation>berakhir {days} hari lagi</translation>
    </message>
    <message>
        <source>ended yesterday</source>
        <translation>berakhir kemarin</translation>
    </message>
    <message>
        <source>ended {days} days ago</source>
        <translation>berakhir {days} hari yang lalu</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Masa tugas:</translation>
    </message>
    <message>
        <source>Accounts a committee member still holds after the term ended.</source>
        <translation>Akun yang masih dipegang anggota panitia setelah masa tugasnya berakhir.</translation>
    </message>
    <message>
        <source>Nothing overdue: no committee holds an account past its term.</source>
        <translation>Tidak ada yang terlambat: tidak ada panitia yang memegang akun melewati masa tugasnya.</translation>
    </message>
    <message>
        <source>Click a row to record the return of its kecamatan&apos;s accounts.</source>
        <translation>Klik sebuah baris untuk mencatat pengembalian akun kecamatannya.</translation>
    </message>
    <message>
        <source>Accounts a committee member holds whose term ends within 30 days.</source>
        <translation>Akun yang dipegang anggota panitia dan masa tugasnya berakhir dalam 30 hari.</translation>
    </message>
    <message>
        <source>No term ends within 30 days for an account still held.</source>
        <translation>Tidak ada masa tugas akun yang masih dipegang yang berakhir dalam 30 hari.</translation>
    </message>
    <message>
        <source>Accounts handed back whose password has not been changed since.</source>
        <translation>Akun yang sudah dikembalikan tetapi kata sandinya belum diganti sejak itu.</translation>
    </message>
    <message>
        <source>Every returned account has a new password.</source>
        <translation>Semua akun yang dikembalikan sudah memiliki kata sandi baru.</translation>
    </message>
    <message>
        <source>Click a row to change its password now.</source>
        <translation>Klik sebuah baris untuk mengganti kata sandinya sekarang.</translation>
    </message>
    <message>
        <source>Returned, deactivated or retained accounts whose checklist is not done.</source>
        <translation>Akun yang dikembalikan, dinonaktifkan, atau dipertahankan yang daftar periksanya belum selesai.</translation>
    </message>
    <message>
        <source>Every deactivation checklist is done.</source>
        <translation>Semua daftar periksa penonaktifan sudah selesai.</translation>
    </message>
    <message>
        <source>Click a row to open its checklist.</source>
        <translation>Klik sebuah baris untuk membuka daftar periksanya.</translation>
    </message>
    <message>
        <source>Accounts whose recovery e-mail, phone or 2FA device belongs to a person.</source>
        <translation>Akun yang surel pemulihan, nomor telepon, atau perangkat 2FA-nya milik perorangan.</translation>
    </message>
    <message>
        <source>Every recovery link belongs to the office.</source>
        <translation>Semua jalur pemulihan milik kantor.</translation>
    </message>
    <message>
        <source>Overdue ({count})</source>
        <translation>Terlambat ({count})</translation>
    </message>
    <message>
        <source>Due soon ({count})</source>
        <translation>Segera berakhir ({count})</translation>
    </message>
    <message>
        <source>Password change ({count})</source>
        <translation>Ganti kata sandi ({count})</translation>
    </message>
    <message>
        <source>Checklist ({count})</source>
        <translation>Daftar periksa ({count})</translation>
    </message>
    <message>
        <source>Personal recovery ({count})</source>
        <translation>Pemulihan perorangan ({count})</translation>
    </message>
    <message>
        <source>By kecamatan ({count})</source>
        <translation>Per kecamatan ({count})</translation>
    </message>
    <message>
        <source>{count} accounts in this term</source>
        <translation>{count} akun dalam masa tugas ini</translation>
    </message>
    <message>
        <source>No term is recorded yet. Add one on the Terms page.</source>
        <translation>Belum ada masa tugas yang tercatat. Tambahkan di halaman Masa Tugas.</translation>
    </message>
    <message>
        <source>{term} ended {days} days ago, on {date}.</source>
        <translation>{term} telah berakhir {days} hari yang lalu, pada {date}.</translation>
    </message>
    <message>
        <source>{term} ends today, {date}.</source>
        <translation>{term} berakhir hari ini, {date}.</translation>
    </message>
    <message>
        <source>{term} ends in {days} days, on {date}.</source>
        <translation>{term} berakhir {days} hari lagi, pada {date}.</translation>
    </message>
    <message>
        <source>Own end date for {names}: {date} ({phrase}).</source>
        <translation>Tanggal berakhir tersendiri untuk {names}: {date} ({phrase}).</translation>
    </message>
    <message>
        <source>{count} accounts in {kecamatan} kecamatan are still with the committee after their term ended.</source>
        <translation>{count} akun di {kecamatan} kecamatan masih dipegang panitia setelah masa tugasnya berakhir.</translation>
    </message>
    <message>
        <source>The term {term} {phrase} ({date}).</source>
        <translation>Masa tugas {term} {phrase} ({date}).</translation>
    </message>
    <message>
        <source>See the Dashboard.</source>
        <translation>Lihat Dasbor.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Tick when the date is known</source>
        <translation>Centang bila tanggalnya diketahui</translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <source>Demo vault</source>
        <translation>Brankas contoh</translation>
    </message>
    <message>
        <source>A vault filled with the plainly fictional accounts, people and handovers of the eleven kecamatan of Kabupaten Buol, to try Brankas safely.</source>
        <translation>Brankas berisi akun, orang, dan serah terima rekaan dari sebelas kecamatan di Kabupaten Buol, untuk mencoba Brankas dengan aman.</translation>
    </message>
    <message>
        <source>Open the demo vault</source>
        <translation>Buka brankas contoh</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Preparing the demo vault… This takes a few seconds the first time.</source>
        <translation>Menyiapkan brankas contoh… Pertama kali butuh beberapa detik.</translation>
    </message>
    <message>
        <source>The demo vault is ready.</source>
        <translation>Brankas contoh sudah siap.</translation>
    </message>
    <message>
        <source>To open it again later, choose the folder {folder} and unlock as operator “{name}” with the password “{password}”. Everything in it is fictional.</source>
        <translation>Untuk membukanya lagi nanti, pilih folder {folder} lalu buka sebagai operator “{name}” dengan kata sandi “{password}”. Semua isinya rekaan.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The vault is already open in another Brankas window or program.</source>
        <translation>Brankas ini sudah dibuka di jendela Brankas atau program lain.</translation>
    </message>
    <message>
        <source>The vault is already open on {host} by process {pid} since {since}. Close Brankas there first, then try again.</source>
        <translation>Brankas ini sudah dibuka di {host} oleh proses {pid} sejak {since}. Tutup Brankas di sana terlebih dahulu, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Group {group} of the recovery kit is not right. Check the six digits of that group.</source>
        <translation>Kelompok {group} pada kit pemulihan tidak benar. Periksa keenam angka pada kelompok tersebut.</translation>
    </message>
    <message>
        <source>The recovery kit must have 48 digits in 8 groups of 6. Check that every digit was typed.</source>
        <translation>Kit pemulihan harus berisi 48 angka dalam 8 kelompok yang masing-masing berisi 6 angka. Pastikan semua angka sudah diketik.</translation>
    </message>
    <message>
        <source>The audit log was changed or damaged, starting at event #{seq}.</source>
        <translation>Log audit telah diubah atau rusak, mulai dari peristiwa #{seq}.</translation>
    </message>
    <message>
        <source>The audit log was changed or damaged.</source>
        <translation>Log audit telah diubah atau rusak.</translation>
    </message>
    <message>
        <source>its username and password are not recorded</source>
        <translation>nama pengguna dan kata sandinya belum dicatat</translation>
    </message>
    <message>
        <source>its active period is not set</source>
        <translation>masa aktifnya belum ditetapkan</translation>
    </message>
    <message>
        <source>its password has not been changed since it was handed back</source>
        <translation>kata sandinya belum diganti sejak dikembalikan</translation>
    </message>
    <message>
        <source>its deactivation checklist is not complete</source>
        <translation>daftar periksa penonaktifannya belum selesai</translation>
    </message>
    <message>
        <source>it is not marked permanent</source>
        <translation>akun ini tidak ditandai permanen</translation>
    </message>
    <message>
        <source>it is marked permanent</source>
        <translation>akun ini ditandai permanen</translation>
    </message>
    <message>
        <source>The account cannot change status yet: {reasons}.</source>
        <translation>Status akun belum dapat diubah: {reasons}.</translation>
    </message>
    <message>
        <source>Fill in this field.</source>
        <translation>Isian ini wajib diisi.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>Teks ini terlalu panjang.</translation>
    </message>
    <message>
        <source>This text has an invisible control character. Type it again.</source>
        <translation>Teks ini mengandung karakter kendali yang tidak terlihat. Ketik ulang.</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>Pilih salah satu pilihan yang tersedia.</translation>
    </message>
    <message>
        <source>This is not a valid date.</source>
        <translation>Tanggal ini tidak sah.</translation>
    </message>
    <message>
        <source>A kecamatan with this name is already recorded.</source>
        <translation>Kecamatan dengan nama ini sudah tercatat.</translation>
    </message>
    <message>
        <source>The election year must be between 1999 and 2100.</source>
        <translation>Tahun pemilihan harus antara 1999 dan 2100.</translation>
    </message>
    <message>
        <source>The term cannot end before it starts.</source>
        <translation>Masa tugas tidak dapat berakhir sebelum dimulai.</translation>
    </message>
    <message>
        <source>A kecamatan of this term has its own end date before the new start. Change that end date first.</source>
        <translation>Ada kecamatan dalam masa tugas ini yang tanggal berakhirnya sendiri jatuh sebelum tanggal mulai yang baru. Ubah dahulu tanggal berakhir tersebut.</translation>
    </message>
    <message>
        <source>Accounts, people or handovers belong to this term, so it cannot be deleted.</source>
        <translation>Masa tugas ini sudah memiliki akun, orang, atau serah terima, sehingga tidak dapat dihapus.</translation>
    </message>
    <message>
        <source>Accounts or people of this term belong to the kecamatan, so it cannot be removed from the term.</source>
        <translation>Ada akun atau orang dari masa tugas ini yang berada di kecamatan tersebut, sehingga kecamatan itu tidak dapat dikeluarkan dari masa tugas.</translation>
    </message>
    <message>
        <source>A committee member needs a kecamatan.</source>
        <translation>Anggota panitia harus memiliki kecamatan.</translation>
    </message>
    <message>
        <source>A committee member needs a term.</source>
        <translation>Anggota panitia harus memiliki masa tugas.</translation>
    </message>
    <message>
        <source>Regency officials and operators do not belong to a kecamatan.</source>
        <translation>Pejabat kabupaten dan operator tidak terikat pada kecamatan.</translation>
    </message>
    <message>
        <source>A NIP has 18 digits. Check the number, or leave it empty.</source>
        <translation>NIP terdiri atas 18 angka. Periksa nomornya, atau biarkan kosong.</translation>
    </message>
    <message>
        <source>Type the office code.</source>
        <translation>Ketik kode kantor.</translation>
    </message>
    <message>
        <source>The office code is too long: at most 40 characters.</source>
        <translation>Kode kantor terlalu panjang: paling banyak 40 karakter.</translation>
    </message>
    <message>
        <source>The office code has an invisible control character. Type it again.</source>
        <translation>Kode kantor mengandung karakter kontrol yang tidak terlihat. Ketik ulang.</translation>
    </message>
    <message>
        <source>Choose Indonesian or English.</source>
        <translation>Pilih bahasa Indonesia atau Inggris.</translation>
    </message>
    <message>
        <source>A NIK has 16 digits. Check the number, or leave it empty.</source>
        <translation>NIK terdiri atas 16 angka. Periksa nomornya, atau biarkan kosong.</translation>
    </message>
    <message>
        <source>This person is named in handovers, custody or accounts, so they cannot be deleted.</source>
        <translation>Orang ini tercantum dalam serah terima, riwayat pemegang, atau akun, sehingga tidak dapat dihapus.</translation>
    </message>
    <message>
        <source>An account with this platform and username is already recorded.</source>
        <translation>Akun dengan platform dan nama pengguna ini sudah tercatat.</translation>
    </message>
    <message>
        <source>This kecamatan has a history, so it cannot be deleted. Retire it instead.</source>
        <translation>Kecamatan ini sudah memiliki riwayat sehingga tidak dapat dihapus. Nonaktifkan saja.</translation>
    </message>
    <message>
        <source>This account has no authenticator (TOTP) secret recorded.</source>
        <translation>Akun ini belum memiliki rahasia autentikator (TOTP) yang tercatat.</translation>
    </message>
    <message>
        <source>The username is too long.</source>
        <translation>Nama pengguna terlalu panjang.</translation>
    </message>
    <message>
        <source>Type the username or paste the profile link.</source>
        <translation>Ketik nama pengguna atau tempel tautan profilnya.</translation>
    </message>
    <message>
        <source>The username has characters this platform does not allow.</source>
        <translation>Nama pengguna memuat karakter yang tidak diizinkan platform ini.</translation>
    </message>
    <message>
        <source>The username is too short.</source>
        <translation>Nama pengguna terlalu pendek.</translation>
    </message>
    <message>
        <source>The username cannot start or end with a dot.</source>
        <translation>Nama pengguna tidak boleh diawali atau diakhiri titik.</translation>
    </message>
    <message>
        <source>The username cannot have two dots in a row.</source>
        <translation>Nama pengguna tidak boleh memuat dua titik berturut-turut.</translation>
    </message>
    <message>
        <source>That is a page of the platform itself, not a username.</source>
        <translation>Itu halaman milik platformnya sendiri, bukan nama pengguna.</translation>
    </message>
    <message>
        <source>The link is not a web address.</source>
        <translation>Tautan ini bukan alamat web.</translation>
    </message>
    <message>
        <source>Short links cannot be checked offline. Paste the full profile link.</source>
        <translation>Tautan pendek tidak dapat diperiksa tanpa internet. Tempel tautan profil yang lengkap.</translation>
    </message>
    <message>
        <source>The link does not point to a profile or Page.</source>
        <translation>Tautan ini tidak mengarah ke profil atau Halaman.</translation>
    </message>
    <message>
        <source>The link is not on this platform&apos;s website.</source>
        <translation>Tautan ini bukan dari situs web platform ini.</translation>
    </message>
    <message>
        <source>The link is a Facebook group, not a Page.</source>
        <translation>Tautan ini mengarah ke grup Facebook, bukan Halaman.</translation>
    </message>
    <message>
        <source>Share links cannot be checked offline. Paste the Page&apos;s own link.</source>
        <translation>Tautan berbagi tidak dapat diperiksa tanpa internet. Tempel tautan Halaman itu sendiri.</translation>
    </message>
    <message>
        <source>Type the e-mail address.</source>
        <translation>Ketik alamat surel.</translation>
    </message>
    <message>
        <source>The e-mail address needs an &apos;@&apos;, as in nama@contoh.go.id.</source>
        <translation>Alamat surel harus memuat &apos;@&apos;, seperti nama@contoh.go.id.</translation>
    </message>
    <message>
        <source>The part of the e-mail address before the &apos;@&apos; is not valid.</source>
        <translation>Bagian alamat surel sebelum &apos;@&apos; tidak valid.</translation>
    </message>
    <message>
        <source>The part of the e-mail address after the &apos;@&apos; is not valid.</source>
        <translation>Bagian alamat surel sesudah &apos;@&apos; tidak valid.</translation>
    </message>
    <message>
        <source>The e-mail address is too long.</source>
        <translation>Alamat surel terlalu panjang.</translation>
    </message>
    <message>
        <source>Type the phone number.</source>
        <translation>Ketik nomor telepon.</translation>
    </message>
    <message>
        <source>The phone number may only have digits, spaces, dashes and a leading +.</source>
        <translation>Nomor telepon hanya boleh berisi angka, spasi, tanda hubung, dan tanda + di depan.</translation>
    </message>
    <message>
        <source>Only Indonesian numbers (+62 or 08…) can be recorded.</source>
        <translation>Hanya nomor Indonesia (+62 atau 08…) yang dapat dicatat.</translation>
    </message>
    <message>
        <source>The number does not start like an Indonesian phone number (08… or +628…).</source>
        <translation>Awal nomor ini tidak seperti nomor telepon Indonesia (08… atau +628…).</translation>
    </message>
    <message>
        <source>The phone number is too short.</source>
        <translation>Nomor telepon terlalu pendek.</translation>
    </message>
    <message>
        <source>The phone number is too long.</source>
        <translation>Nomor telepon terlalu panjang.</translation>
    </message>
    <message>
        <source>Paste the authenticator key or the otpauth:// link.</source>
        <translation>Tempel kunci autentikator atau tautan otpauth://.</translation>
    </message>
    <message>
        <source>The authenticator key is too long.</source>
        <translation>Kunci autentikator terlalu panjang.</translation>
    </message>
    <message>
        <source>The authenticator key may only have the letters A–Z and the digits 2–7.</source>
        <translation>Kunci autentikator hanya boleh berisi huruf A–Z dan angka 2–7.</translation>
    </message>
    <message>
        <source>The authenticator key is incomplete. Copy it again in full.</source>
        <translation>Kunci autentikator tidak lengkap. Salin lagi secara utuh.</translation>
    </message>
    <message>
        <source>The authenticator key is too short. Copy it again in full.</source>
        <translation>Kunci autentikator terlalu pendek. Salin lagi secara utuh.</translation>
    </message>
    <message>
        <source>The link is not an otpauth://totp/ link.</source>
        <translation>Tautan ini bukan tautan otpauth://totp/.</translation>
    </message>
    <message>
        <source>The otpauth:// link has no key in it.</source>
        <translation>Tautan otpauth:// ini tidak memuat kunci.</translation>
    </message>
    <message>
        <source>Counter-based (HOTP) codes are not supported; use a time-based code.</source>
        <translation>Kode berbasis penghitung (HOTP) tidak didukung; gunakan kode berbasis waktu.</translation>
    </message>
    <message>
        <source>The otpauth:// link uses an algorithm Brankas does not support.</source>
        <translation>Tautan otpauth:// memakai algoritme yang tidak didukung Brankas.</translation>
    </message>
    <message>
        <source>The otpauth:// link asks for a number of digits Brankas does not support.</source>
        <translation>Tautan otpauth:// meminta jumlah angka yang tidak didukung Brankas.</translation>
    </message>
    <message>
        <source>The otpauth:// link has a code period Brankas does not support.</source>
        <translation>Tautan otpauth:// memakai periode kode yang tidak didukung Brankas.</translation>
    </message>
    <message>
        <source>The active period ends before it starts.</source>
        <translation>Masa aktif berakhir sebelum dimulai.</translation>
    </message>
    <message>
        <source>That kecamatan is retired. Choose another one.</source>
        <translation>Kecamatan itu sudah tidak aktif. Pilih kecamatan lain.</translation>
    </message>
    <message>
        <source>That kecamatan no longer exists.</source>
        <translation>Kecamatan itu sudah tidak ada.</translation>
    </message>
    <message>
        <source>That term no longer exists.</source>
        <translation>Masa tugas itu sudah tidak ada.</translation>
    </message>
    <message>
        <source>That person no longer exists.</source>
        <translation>Orang itu sudah tidak ada dalam data.</translation>
    </message>
    <message>
        <source>That account no longer exists.</source>
        <translation>Akun itu sudah tidak ada.</translation>
    </message>
    <message>
        <source>A link that belongs to the office cannot also name a person as its owner.</source>
        <translation>Mata rantai milik kantor tidak dapat sekaligus menyebut perorangan sebagai pemiliknya.</translation>
    </message>
    <message>
        <source>An account cannot be its own recovery e-mail or phone.</source>
        <translation>Akun tidak dapat menjadi surel atau nomor pemulihannya sendiri.</translation>
    </message>
    <message>
        <source>The recovery e-mail must be an e-mail account.</source>
        <translation>Surel pemulihan harus berupa akun surel.</translation>
    </message>
    <message>
        <source>The recovery phone must be a phone number account.</source>
        <translation>Nomor pemulihan harus berupa akun nomor telepon.</translation>
    </message>
    <message>
        <source>The recovery e-mail is not the address of the linked e-mail account.</source>
        <translation>Surel pemulihan bukan alamat akun surel yang ditautkan.</translation>
    </message>
    <message>
        <source>The recovery phone is not the number of the linked SIM.</source>
        <translation>Nomor pemulihan bukan nomor SIM yang ditautkan.</translation>
    </message>
    <message>
        <source>The number of backup codes left cannot be below zero.</source>
        <translation>Jumlah kode cadangan yang tersisa tidak boleh kurang dari nol.</translation>
    </message>
    <message>
        <source>Paste the backup codes, one per line.</source>
        <translation>Tempel kode cadangan, satu kode per baris.</translation>
    </message>
    <message>
        <source>The password is empty.</source>
        <translation>Kata sandi masih kosong.</translation>
    </message>
    <message>
        <source>The new password is the same as the current one. Choose another.</source>
        <translation>Kata sandi baru sama dengan yang sekarang. Pilih yang lain.</translation>
    </message>
    <message>
        <source>This account has a history (it was activated or handed over), so it cannot be deleted. Change its status instead.</source>
        <translation>Akun ini sudah memiliki riwayat (pernah diaktifkan atau diserahterimakan), sehingga tidak dapat dihapus. Ubah statusnya saja.</translation>
    </message>
    <message>
        <source>That person already has access to the Page.</source>
        <translation>Orang itu sudah memiliki akses ke Halaman.</translation>
    </message>
    <message>
        <source>That person&apos;s access was already removed.</source>
        <translation>Akses orang itu sudah dicabut.</translation>
    </message>
    <message>
        <source>Only a Facebook Page has a list of people with access.</source>
        <translation>Hanya Halaman Facebook yang memiliki daftar orang yang berakses.</translation>
    </message>
    <message>
        <source>This folder does not contain a Brankas vault. Choose the folder that holds vault.db and vault.keys.</source>
        <translation>Folder ini tidak berisi brankas. Pilih folder yang memuat berkas vault.db dan vault.keys.</translation>
    </message>
    <message>
        <source>This folder already contains a vault. Choose another folder, or open the existing vault instead.</source>
        <translation>Folder ini sudah berisi brankas. Pilih folder lain, atau buka brankas yang sudah ada.</translation>
    </message>
    <message>
        <source>The password is wrong. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Kata sandi salah. Periksa Caps Lock dan tata letak papan ketik, lalu coba lagi.</translation>
    </message>
    <message>
        <source>There is no operator with that name in this vault. Check the spelling.</source>
        <translation>Tidak ada operator dengan nama tersebut di brankas ini. Periksa ejaannya.</translation>
    </message>
    <message>
        <source>This recovery kit does not open this vault. It may belong to another vault or have been replaced by a newer kit.</source>
        <translation>Kit pemulihan ini tidak dapat membuka brankas ini. Kit ini mungkin milik brankas lain atau sudah diganti dengan kit yang lebih baru.</translation>
    </message>
    <message>
        <source>The vault&apos;s key file (vault.keys) is damaged and could not be repaired. Restore a backup or ask your IT staff for help.</source>
        <translation>Berkas kunci brankas (vault.keys) rusak dan tidak dapat diperbaiki. Pulihkan dari cadangan atau minta bantuan staf TI.</translation>
    </message>
    <message>
        <source>The key file (vault.keys) belongs to another vault. Put back the matching files or restore a backup.</source>
        <translation>Berkas kunci (vault.keys) milik brankas lain. Kembalikan berkas yang sesuai atau pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>One copy of the vault&apos;s key file was damaged and has been repaired.</source>
        <translation>Salah satu salinan berkas kunci brankas rusak dan sudah diperbaiki.</translation>
    </message>
    <message>
        <source>The vault&apos;s key file asks for weaker password protection than Brankas allows. It may have been tampered with, so the vault was not opened.</source>
        <translation>Berkas kunci brankas meminta perlindungan kata sandi yang lebih lemah daripada yang diizinkan Brankas. Berkas itu mungkin telah diubah pihak lain, sehingga brankas tidak dibuka.</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it to continue.</source>
        <translation>Brankas terkunci. Buka kuncinya untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Brankas cannot write to the vault folder. Check that the folder is not read-only and that you may change it.</source>
        <translation>Brankas tidak dapat menulis ke folder brankas. Pastikan folder tersebut tidak hanya-baca dan Anda berhak mengubahnya.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was changed. Free some space and try again.</source>
        <translation>Disk penuh sehingga tidak ada yang diubah. Kosongkan sebagian ruang, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The vault&apos;s database (vault.db) is damaged. Restore a backup or ask your IT staff for help.</source>
        <translation>Basis data brankas (vault.db) rusak. Pulihkan dari cadangan atau minta bantuan staf TI.</translation>
    </message>
    <message>
        <source>This vault was saved by a newer version of Brankas. Install that version to open it.</source>
        <translation>Brankas ini disimpan oleh versi Brankas yang lebih baru. Pasang versi tersebut untuk membukanya.</translation>
    </message>
    <message>
        <source>The vault&apos;s database is older than its key file: an old copy may have been put back. Check with your colleagues before making changes.</source>
        <translation>Basis data brankas lebih lama daripada berkas kuncinya: mungkin salinan lama telah dikembalikan. Tanyakan kepada rekan kerja sebelum membuat perubahan.</translation>
    </message>
    <message>
        <source>Only an admin can do this.</source>
        <translation>Hanya admin yang dapat melakukan ini.</translation>
    </message>
    <message>
        <source>The last admin cannot be removed. Make another operator an admin first.</source>
        <translation>Admin terakhir tidak dapat dihapus. Jadikan operator lain sebagai admin terlebih dahulu.</translation>
    </message>
    <message>
        <source>That backup no longer exists.</source>
        <translation>Cadangan tersebut sudah tidak ada.</translation>
    </message>
    <message>
        <source>“Remember on this PC” cannot be used: this PC has no usable password store, or the remembered key has expired. Unlock with your password.</source>
        <translation>“Ingat di PC ini” tidak dapat digunakan: PC ini tidak memiliki penyimpanan kata sandi yang dapat dipakai, atau kunci yang diingat sudah kedaluwarsa. Buka dengan kata sandi Anda.</translation>
    </message>
    <message>
        <source>Some of the data entered is not valid. Check the form and try again.</source>
        <translation>Sebagian data yang dimasukkan tidak valid. Periksa isian, lalu coba lagi.</translation>
    </message>
    <message>
        <source>That item no longer exists. It may have been removed.</source>
        <translation>Data tersebut sudah tidak ada. Mungkin data itu sudah dihapus.</translation>
    </message>
    <message>
        <source>That change of status is not allowed for this account at this stage.</source>
        <translation>Perubahan status tersebut tidak diizinkan untuk akun ini pada tahap ini.</translation>
    </message>
    <message>
        <source>That name or item is already in use. Choose another.</source>
        <translation>Nama atau data tersebut sudah digunakan. Pilih yang lain.</translation>
    </message>
    <message>
        <source>Data in the vault could not be decrypted. The file may be damaged.</source>
        <translation>Data di dalam brankas tidak dapat didekripsi. Berkasnya mungkin rusak.</translation>
    </message>
    <message>
        <source>Brankas could not read or write a file. Check the disk and the folder&apos;s permissions, then try again.</source>
        <translation>Brankas tidak dapat membaca atau menulis berkas. Periksa disk dan izin folder, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>Terjadi kesalahan yang tidak terduga.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export archive for the province</source>
        <translation>Ekspor arsip untuk provinsi</translation>
    </message>
    <message>
        <source>The archive holds the chosen terms&apos; records for the province&apos;s review. It is signed with this office&apos;s key and encrypted, so only the recipients below can open it.</source>
        <translation>Arsip berisi catatan masa tugas yang dipilih untuk ditinjau provinsi. Arsip ditandatangani dengan kunci kantor ini dan dienkripsi, sehingga hanya penerima di bawah yang dapat membukanya.</translation>
    </message>
    <message>
        <source>Terms to export:</source>
        <translation>Masa tugas yang diekspor:</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Isi</translation>
    </message>
    <message>
        <source>Include passwords, TOTP secrets and backup codes (recommended)</source>
        <translation>Sertakan kata sandi, rahasia TOTP, dan kode cadangan (disarankan)</translation>
    </message>
    <message>
        <source>Metadata only</source>
        <translation>Metadata saja</translation>
    </message>
    <message>
        <source>Metadata only leaves every password, TOTP secret and backup code out of the archive. The province can review everything else, but cannot confirm that passwords are on record, and the archive says that it is metadata only.</source>
        <translation>Metadata saja berarti semua kata sandi, rahasia TOTP, dan kode cadangan tidak dimasukkan ke arsip. Provinsi dapat meninjau semua hal lain, tetapi tidak dapat memastikan bahwa kata sandi tercatat, dan arsip menyatakan bahwa isinya metadata saja.</translation>
    </message>
    <message>
        <source>Who can open it</source>
        <translation>Siapa yang dapat membukanya</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>Provinsi:</translation>
    </message>
    <message>
        <source>This office too (to check the archive later)</source>
        <translation>Kantor ini juga (untuk memeriksa arsip nanti)</translation>
    </message>
    <message>
        <source>Also a passphrase, as a fallback</source>
        <translation>Juga frasa sandi, sebagai cadangan</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frasa sandi:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Ulangi:</translation>
    </message>
    <message>
        <source>At least {n} characters. Anyone who has it can open the whole archive: give it to the province separately from the file (for example by telephone).</source>
        <translation>Sekurang-kurangnya {n} karakter. Siapa pun yang mengetahuinya dapat membuka seluruh arsip: sampaikan kepada provinsi terpisah dari berkasnya (misalnya lewat telepon).</translation>
    </message>
    <message>
        <source>Save in folder:</source>
        <translation>Simpan di folder:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Checking the vault, then writing, signing and encrypting the archive…</source>
        <translation>Memeriksa brankas, lalu menulis, menandatangani, dan mengenkripsi arsip…</translation>
    </message>
    <message>
        <source>The archive is ready.</source>
        <translation>Arsip sudah siap.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Berkas:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Signer fingerprint:</source>
        <translation>Sidik jari penanda tangan:</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Isi:</translation>
    </message>
    <message>
        <source>Send the file to the province with its cover sheet, printed, signed and stamped: it states the SHA-256 and this office&apos;s signing-key fingerprint, which the province compares before importing.</source>
        <translation>Kirim berkas ini ke provinsi bersama lembar pengantarnya yang telah dicetak, ditandatangani, dan dicap: lembar itu memuat SHA-256 dan sidik jari kunci penanda tangan kantor ini, yang dicocokkan provinsi sebelum mengimpor.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Buka folder</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>No province key yet.</source>
        <translation>Belum ada kunci provinsi.</translation>
    </message>
    <message>
        <source>the province</source>
        <translation>provinsi</translation>
    </message>
    <message>
        <source>{name} — fingerprint {fp}</source>
        <translation>{name} — sidik jari {fp}</translation>
    </message>
    <message>
        <source>The passphrase needs at least {n} characters.</source>
        <translation>Frasa sandi harus sekurang-kurangnya {n} karakter.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Kedua frasa sandi berbeda.</translation>
    </message>
    <message>
        <source>Folder for the archive</source>
        <translation>Folder untuk arsip</translation>
    </message>
    <message>
        <source>with passwords, TOTP secrets and backup codes</source>
        <translation>dengan kata sandi, rahasia TOTP, dan kode cadangan</translation>
    </message>
    <message>
        <source>metadata only (no passwords)</source>
        <translation>metadata saja (tanpa kata sandi)</translation>
    </message>
    <message>
        <source>this office can open it too</source>
        <translation>kantor ini juga dapat membukanya</translation>
    </message>
    <message>
        <source>a passphrase opens it too</source>
        <translation>frasa sandi juga dapat membukanya</translation>
    </message>
</context>
<context>
    <name>ExportTermModel</name>
    <message>
        <source>Term</source>
        <translation>Masa tugas</translation>
    </message>
    <message>
        <source>Election</source>
        <translation>Pemilihan</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
</context>
<context>
    <name>FileOpener</name>
    <message>
        <source>Brankas cannot open “{name}”: there is no such file. It may have been moved, renamed or deleted.</source>
        <translation>Brankas tidak dapat membuka “{name}”: berkas itu tidak ada. Mungkin berkas telah dipindahkan, diganti namanya, atau dihapus.</translation>
    </message>
    <message>
        <source>Brankas cannot open “{name}”: it is not a review archive (.brankas), a province key file (.brankaskey) or a Brankas vault. Nothing was changed.</source>
        <translation>Brankas tidak dapat membuka “{name}”: berkas itu bukan arsip tinjauan (.brankas), berkas kunci provinsi (.brankaskey), atau brankas Brankas. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Buka berkas</translation>
    </message>
    <message>
        <source>Unlock your vault to open the review archive {names}.</source>
        <translation>Buka kunci brankas Anda untuk membuka arsip tinjauan {names}.</translation>
    </message>
    <message>
        <source>Unlock your vault to import the province key {names}.</source>
        <translation>Buka kunci brankas Anda untuk mengimpor kunci provinsi {names}.</translation>
    </message>
    <message>
        <source>Open vault</source>
        <translation>Buka brankas</translation>
    </message>
    <message>
        <source>A new vault is being set up. Finish or cancel the setup, then open “{name}” again.</source>
        <translation>Brankas baru sedang disiapkan. Selesaikan atau batalkan penyiapan itu, lalu buka “{name}” lagi.</translation>
    </message>
    <message>
        <source>Open another vault</source>
        <translation>Buka brankas lain</translation>
    </message>
    <message>
        <source>The vault of {office} is open. Lock it and open the vault in “{folder}”? Nothing is lost: you can unlock this one again later.</source>
        <translation>Brankas {office} sedang terbuka. Kunci brankas ini dan buka brankas di “{folder}”? Tidak ada yang hilang: brankas ini dapat dibuka kembali nanti.</translation>
    </message>
    <message>
        <source>Lock and open</source>
        <translation>Kunci lalu buka</translation>
    </message>
    <message>
        <source>Review archive</source>
        <translation>Arsip tinjauan</translation>
    </message>
    <message>
        <source>“{name}” is a review archive. Archives are opened in the province&apos;s Brankas vault; this vault belongs to a regency or city, so it does not open them. You can check the archive&apos;s signature and hashes here without decrypting anything.</source>
        <translation>“{name}” adalah arsip tinjauan. Arsip dibuka di brankas Brankas milik provinsi; brankas ini milik kabupaten/kota, sehingga tidak membuka arsip. Di sini Anda dapat memeriksa tanda tangan dan hash arsip tanpa mendekripsi apa pun.</translation>
    </message>
    <message>
        <source>Check signature</source>
        <translation>Periksa tanda tangan</translation>
    </message>
    <message>
        <source>Province key</source>
        <translation>Kunci provinsi</translation>
    </message>
    <message>
        <source>“{name}” is a province&apos;s public key. It is imported in the vault of a regency or city (Settings → Review archive); this vault is the province&apos;s own, so nothing was changed.</source>
        <translation>“{name}” adalah kunci publik provinsi. Kunci ini diimpor di brankas kabupaten/kota (Pengaturan → Arsip tinjauan); brankas ini milik provinsi sendiri, sehingga tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>“{name}” is a province key. Only an admin can import it: ask an admin to open the file, or to import it under Settings → Review archive.</source>
        <translation>“{name}” adalah kunci provinsi. Hanya admin yang dapat mengimpornya: minta admin membuka berkas ini, atau mengimpornya di Pengaturan → Arsip tinjauan.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search… (Ctrl+F)</source>
        <translation>Cari… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Finds accounts by username, name, kecamatan, platform, holder or recovery e-mail as you type; every word must match.</source>
        <translation>Mencari akun menurut nama pengguna, nama, kecamatan, platform, pemegang, atau surel pemulihan sambil diketik; setiap kata harus cocok.</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>Semua platform</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>All terms</source>
        <translation>Semua masa tugas</translation>
    </message>
    <message>
        <source>All kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Aturan</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Temuan</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>First archive from this regency</source>
        <translation>Arsip pertama dari kabupaten/kota ini</translation>
    </message>
    <message>
        <source>This is the first archive from {office} ({code}). Before it is imported, compare its signing key&apos;s fingerprint, group by group, with the fingerprint in the regency&apos;s signed letter. Brankas then remembers the key and refuses archives signed by any other key.</source>
        <translation>Ini arsip pertama dari {office} ({code}). Sebelum diimpor, cocokkan sidik jari kunci tanda tangannya, kelompok demi kelompok, dengan sidik jari dalam surat bertanda tangan dari kabupaten/kota. Setelah itu Brankas mengingat kunci tersebut dan menolak arsip yang ditandatangani dengan kunci lain.</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Sidik jari:</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>ID kunci:</translation>
    </message>
    <message>
        <source>It is the same as in the regency&apos;s letter</source>
        <translation>Sama dengan yang tercantum dalam surat kabupaten/kota</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Brankas — set up</source>
        <translation>Brankas — persiapan</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Buat brankas</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Kembali</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Lanjut &gt;</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
</context>
<context>
    <name>HandoverAccountsPage</name>
    <message>
        <source>Which accounts?</source>
        <translation>Akun mana saja?</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>Centang semua</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>Hapus semua centang</translation>
    </message>
    <message>
        <source>Accounts the office holds that the committee receives.</source>
        <translation>Akun yang dipegang kantor dan akan diterima panitia.</translation>
    </message>
    <message>
        <source>Accounts the committee still holds. Untick one only if it stays with them for now; it will show as overdue after the term ends.</source>
        <translation>Akun yang masih dipegang panitia. Hapus centang hanya bila akun itu untuk sementara tetap di panitia; setelah masa tugas berakhir akun itu akan tampil sebagai terlambat.</translation>
    </message>
    <message>
        <source>Permanent accounts the office kept, ready for the new committee.</source>
        <translation>Akun permanen yang disimpan kantor, siap untuk panitia baru.</translation>
    </message>
    <message>
        <source>a committee member</source>
        <translation>anggota panitia</translation>
    </message>
    <message>
        <source>{ticked} of {total} accounts ticked; {basts} BAST will be made.</source>
        <translation>{ticked} dari {total} akun dicentang; {basts} BAST akan dibuat.</translation>
    </message>
</context>
<context>
    <name>HandoverActions</name>
    <message>
        <source>New &amp;handover…</source>
        <translation>&amp;Serah terima baru…</translation>
    </message>
    <message>
        <source>Record a handover: issue, take back or hand on accounts (Ctrl+Shift+H)</source>
        <translation>Catat serah terima: serahkan, terima kembali, atau teruskan akun (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>&amp;Continue kept accounts into a new term…</source>
        <translation>&amp;Lanjutkan akun yang dipertahankan ke masa tugas baru…</translation>
    </message>
</context>
<context>
    <name>HandoverDetailsPage</name>
    <message>
        <source>Number, date and place</source>
        <translation>Nomor, tanggal, dan tempat</translation>
    </message>
    <message>
        <source>These go on every BAST of this handover, with the date spelled out.</source>
        <translation>Keterangan ini dicantumkan pada setiap BAST serah terima ini, dengan tanggal yang ditulis dengan huruf.</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Tanggal:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Tempat:</translation>
    </message>
    <message>
        <source>BAST number:</source>
        <translation>Nomor BAST:</translation>
    </message>
    <message>
        <source>Notes (optional):</source>
        <translation>Catatan (opsional):</translation>
    </message>
    <message>
        <source>The next number of the sequence. Change it only if this BAST already has a number.</source>
        <translation>Nomor berikutnya dari urutan penomoran. Ubah hanya bila BAST ini sudah memiliki nomor.</translation>
    </message>
    <message>
        <source>The {count} BAST get the next numbers of the sequence, starting with {number}.</source>
        <translation>{count} BAST ini mendapat nomor berikutnya dari urutan penomoran, dimulai dari {number}.</translation>
    </message>
</context>
<context>
    <name>HandoverDonePage</name>
    <message>
        <source>Recorded</source>
        <translation>Tercatat</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>Credential slips…</source>
        <translation>Lembar kata sandi…</translation>
    </message>
    <message>
        <source>Each member&apos;s passwords on a confidential sheet, printed only</source>
        <translation>Kata sandi setiap anggota pada lembar rahasia, hanya dicetak</translation>
    </message>
    <message>
        <source>Change the passwords now</source>
        <translation>Ganti kata sandi sekarang</translation>
    </message>
    <message>
        <source>{count} BAST recorded: {numbers}.</source>
        <translation>{count} BAST tercatat: {numbers}.</translation>
    </message>
    <message>
        <source>Print the BAST and have them signed. Then scan each signed BAST and attach it on the Handovers page (Attach scan…).</source>
        <translation>Cetak BAST dan mintakan tanda tangannya. Lalu pindai setiap BAST yang sudah ditandatangani dan lampirkan di halaman Serah Terima (Lampirkan pindaian…).</translation>
    </message>
    <message>
        <source>The returned accounts now wait for a new password and their deactivation checklist (Term end page).</source>
        <translation>Akun yang dikembalikan kini menunggu kata sandi baru dan daftar periksa penonaktifannya (halaman Akhir Masa Tugas).</translation>
    </message>
</context>
<context>
    <name>HandoverErrors</name>
    <message>
        <source>Choose what kind of handover this is.</source>
        <translation>Pilih jenis serah terima ini.</translation>
    </message>
    <message>
        <source>Choose a term.</source>
        <translation>Pilih masa tugas.</translation>
    </message>
    <message>
        <source>That term no longer exists. Choose another one.</source>
        <translation>Masa tugas itu sudah tidak ada. Pilih yang lain.</translation>
    </message>
    <message>
        <source>Choose at least one kecamatan.</source>
        <translation>Pilih sedikitnya satu kecamatan.</translation>
    </message>
    <message>
        <source>A chosen kecamatan is not part of this term.</source>
        <translation>Salah satu kecamatan yang dipilih tidak termasuk dalam masa tugas ini.</translation>
    </message>
    <message>
        <source>Tick at least one account to hand over.</source>
        <translation>Centang sedikitnya satu akun yang diserahterimakan.</translation>
    </message>
    <message>
        <source>A ticked account cannot be handed over this way any more. Go back and choose again.</source>
        <translation>Salah satu akun yang dicentang tidak dapat lagi diserahterimakan dengan cara ini. Kembali dan pilih ulang.</translation>
    </message>
    <message>
        <source>Choose who signs here.</source>
        <translation>Pilih siapa yang menandatangani di sini.</translation>
    </message>
    <message>
        <source>The office&apos;s side is signed by a regency official or operator, the committee&apos;s side by a member or staff of the committee.</source>
        <translation>Pihak kantor ditandatangani oleh pejabat atau operator kabupaten, pihak panitia oleh anggota atau staf sekretariat panitia.</translation>
    </message>
    <message>
        <source>This person serves on the committee of another kecamatan.</source>
        <translation>Orang ini bertugas di panitia kecamatan lain.</translation>
    </message>
    <message>
        <source>This person serves on a committee of another term.</source>
        <translation>Orang ini bertugas di panitia masa tugas lain.</translation>
    </message>
    <message>
        <source>The two parties must be two different people.</source>
        <translation>Kedua pihak harus dua orang yang berbeda.</translation>
    </message>
    <message>
        <source>A witness is listed twice.</source>
        <translation>Seorang saksi tercantum dua kali.</translation>
    </message>
    <message>
        <source>A witness cannot also sign as one of the two parties.</source>
        <translation>Saksi tidak boleh sekaligus menandatangani sebagai salah satu pihak.</translation>
    </message>
    <message>
        <source>The person who acknowledges (mengetahui) cannot also sign as one of the parties.</source>
        <translation>Orang yang mengetahui tidak boleh sekaligus menandatangani sebagai salah satu pihak.</translation>
    </message>
    <message>
        <source>Choose the date.</source>
        <translation>Pilih tanggalnya.</translation>
    </message>
    <message>
        <source>This is not a valid date.</source>
        <translation>Ini bukan tanggal yang sah.</translation>
    </message>
    <message>
        <source>A handover cannot be dated in the future.</source>
        <translation>Serah terima tidak boleh bertanggal di masa mendatang.</translation>
    </message>
    <message>
        <source>The date is before the term started.</source>
        <translation>Tanggalnya sebelum masa tugas dimulai.</translation>
    </message>
    <message>
        <source>The date is before the accounts reached their current holder. Choose a later date.</source>
        <translation>Tanggalnya sebelum akun sampai ke pemegangnya sekarang. Pilih tanggal yang lebih akhir.</translation>
    </message>
    <message>
        <source>Several BAST are made (one per kecamatan), so their numbers follow the sequence. Leave the number empty.</source>
        <translation>Beberapa BAST dibuat (satu per kecamatan), sehingga nomornya mengikuti urutan penomoran. Kosongkan nomornya.</translation>
    </message>
    <message>
        <source>The BAST number is too long.</source>
        <translation>Nomor BAST terlalu panjang.</translation>
    </message>
    <message>
        <source>The BAST number has an invisible control character. Type it again.</source>
        <translation>Nomor BAST memuat karakter kontrol yang tidak terlihat. Ketik ulang.</translation>
    </message>
    <message>
        <source>The place is too long.</source>
        <translation>Nama tempat terlalu panjang.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>Teks ini terlalu panjang.</translation>
    </message>
    <message>
        <source>This text has an invisible control character. Type it again.</source>
        <translation>Teks ini memuat karakter kontrol yang tidak terlihat. Ketik ulang.</translation>
    </message>
    <message>
        <source>An account is listed twice.</source>
        <translation>Sebuah akun tercantum dua kali.</translation>
    </message>
    <message>
        <source>An account belongs to another term.</source>
        <translation>Sebuah akun termasuk masa tugas lain.</translation>
    </message>
    <message>
        <source>An account belongs to another kecamatan than the committee&apos;s party.</source>
        <translation>Sebuah akun termasuk kecamatan yang berbeda dari kecamatan pihak panitia.</translation>
    </message>
    <message>
        <source>An account is held by someone else than this handover takes it from. Check who holds it on the Accounts page.</source>
        <translation>Sebuah akun dipegang orang lain, bukan pihak yang menyerahkannya dalam serah terima ini. Periksa pemegangnya di halaman Akun.</translation>
    </message>
    <message>
        <source>An account no longer exists.</source>
        <translation>Sebuah akun sudah tidak ada.</translation>
    </message>
    <message>
        <source>A person chosen no longer exists.</source>
        <translation>Salah satu orang yang dipilih sudah tidak ada.</translation>
    </message>
    <message>
        <source>That term no longer exists.</source>
        <translation>Masa tugas itu sudah tidak ada.</translation>
    </message>
    <message>
        <source>That BAST number is already used. Type another or leave it empty.</source>
        <translation>Nomor BAST itu sudah dipakai. Ketik nomor lain atau kosongkan.</translation>
    </message>
    <message>
        <source>BAST numbers need the office code. Set it in the office profile first.</source>
        <translation>Nomor BAST memerlukan kode kantor. Isi dahulu di profil kantor.</translation>
    </message>
    <message>
        <source>Accounts can only continue into a term that starts later.</source>
        <translation>Akun hanya dapat dilanjutkan ke masa tugas yang dimulai lebih akhir.</translation>
    </message>
    <message>
        <source>The new term does not cover the kecamatan of an account.</source>
        <translation>Masa tugas baru tidak mencakup kecamatan salah satu akun.</translation>
    </message>
    <message>
        <source>The file is larger than 20 MB. Scan at a lower resolution.</source>
        <translation>Berkas lebih besar dari 20 MB. Pindai dengan resolusi lebih rendah.</translation>
    </message>
    <message>
        <source>Only a PDF, JPG or PNG file can be attached as the signed BAST.</source>
        <translation>Hanya berkas PDF, JPG, atau PNG yang dapat dilampirkan sebagai BAST bertanda tangan.</translation>
    </message>
    <message>
        <source>Generate or type the new password first.</source>
        <translation>Buat atau ketik kata sandi baru terlebih dahulu.</translation>
    </message>
    <message>
        <source>The new password is the same as the old one. Generate another.</source>
        <translation>Kata sandi baru sama dengan yang lama. Buat yang lain.</translation>
    </message>
    <message>
        <source>Paste the new backup codes, one per line.</source>
        <translation>Tempelkan kode cadangan yang baru, satu kode per baris.</translation>
    </message>
    <message>
        <source>This checklist is closed: the account is no longer waiting for deactivation.</source>
        <translation>Daftar periksa ini sudah ditutup: akun tidak lagi menunggu penonaktifan.</translation>
    </message>
    <message>
        <source>Change the account&apos;s password first (Term end → Password changes); then tick this step.</source>
        <translation>Ganti dahulu kata sandi akun ini (Akhir Masa Tugas → Ganti kata sandi); setelah itu centang langkah ini.</translation>
    </message>
    <message>
        <source>Write the step in both languages.</source>
        <translation>Tulis langkahnya dalam kedua bahasa.</translation>
    </message>
    <message>
        <source>The step is too long (500 characters at most).</source>
        <translation>Langkah terlalu panjang (paling banyak 500 karakter).</translation>
    </message>
    <message>
        <source>A step key has lowercase letters, digits and &apos;_&apos; only.</source>
        <translation>Kunci langkah hanya berisi huruf kecil, angka, dan &apos;_&apos;.</translation>
    </message>
    <message>
        <source>The platform already has a step with that key.</source>
        <translation>Platform ini sudah memiliki langkah dengan kunci itu.</translation>
    </message>
    <message>
        <source>The final step (deactivate or keep) cannot be switched off.</source>
        <translation>Langkah terakhir (nonaktifkan atau pertahankan) tidak dapat dimatikan.</translation>
    </message>
    <message>
        <source>The final step must stay last.</source>
        <translation>Langkah terakhir harus tetap di urutan terakhir.</translation>
    </message>
    <message>
        <source>The steps changed meanwhile. Close the dialog and open it again.</source>
        <translation>Langkah-langkahnya berubah sementara itu. Tutup dialog ini dan buka kembali.</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>Periksa isian ini.</translation>
    </message>
</context>
<context>
    <name>HandoverKecamatanPage</name>
    <message>
        <source>Which kecamatan?</source>
        <translation>Kecamatan mana saja?</translation>
    </message>
    <message>
        <source>At term end all kecamatan usually hand over together: one BAST is made for each kecamatan, signed by its own committee.</source>
        <translation>Pada akhir masa tugas biasanya semua kecamatan melakukan serah terima bersamaan: satu BAST dibuat untuk setiap kecamatan dan ditandatangani oleh panitianya sendiri.</translation>
    </message>
    <message>
        <source>All with accounts</source>
        <translation>Semua yang memiliki akun</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Hapus semua pilihan</translation>
    </message>
    <message>
        <source>{kecamatan} kecamatan chosen, {accounts} accounts to hand over.</source>
        <translation>{kecamatan} kecamatan dipilih, {accounts} akun untuk diserahterimakan.</translation>
    </message>
</context>
<context>
    <name>HandoverKindPage</name>
    <message>
        <source>What kind of handover?</source>
        <translation>Serah terima jenis apa?</translation>
    </message>
    <message>
        <source>Each kind is recorded with its own BAST (berita acara).</source>
        <translation>Setiap jenis dicatat dengan BAST (berita acara) tersendiri.</translation>
    </message>
    <message>
        <source>Issue accounts to a committee</source>
        <translation>Serahkan akun kepada panitia</translation>
    </message>
    <message>
        <source>The regency hands the accounts to the committee of a kecamatan, usually when its term starts. The passwords are given in person, never on the BAST.</source>
        <translation>Kabupaten menyerahkan akun kepada panitia suatu kecamatan, biasanya pada awal masa tugasnya. Kata sandi diberikan langsung, tidak pernah dicantumkan di BAST.</translation>
    </message>
    <message>
        <source>Take accounts back from a committee</source>
        <translation>Terima kembali akun dari panitia</translation>
    </message>
    <message>
        <source>The committee returns the accounts, at the latest when its term ends. Afterwards every password is changed and the deactivation checklist starts.</source>
        <translation>Panitia mengembalikan akun, paling lambat saat masa tugasnya berakhir. Setelah itu setiap kata sandi diganti dan daftar periksa penonaktifan dimulai.</translation>
    </message>
    <message>
        <source>Hand kept accounts to the next committee</source>
        <translation>Serahkan akun yang dipertahankan kepada panitia berikutnya</translation>
    </message>
    <message>
        <source>Permanent accounts the office kept after the last term continue into a new term and go to its committee.</source>
        <translation>Akun permanen yang disimpan kantor setelah masa tugas sebelumnya dilanjutkan ke masa tugas baru dan diserahkan kepada panitianya.</translation>
    </message>
</context>
<context>
    <name>HandoverPartiesPage</name>
    <message>
        <source>Who signs?</source>
        <translation>Siapa yang menandatangani?</translation>
    </message>
    <message>
        <source>Choose a person…</source>
        <translation>Pilih orangnya…</translation>
    </message>
    <message>
        <source>Acknowledged by (mengetahui)</source>
        <translation>Mengetahui</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Saksi</translation>
    </message>
    <message>
        <source>The committee hands over as the first party (Pihak Pertama) and the office receives as the second party (Pihak Kedua).</source>
        <translation>Panitia menyerahkan sebagai Pihak Pertama dan kantor menerima sebagai Pihak Kedua.</translation>
    </message>
    <message>
        <source>The office hands over as the first party (Pihak Pertama) and the committee receives as the second party (Pihak Kedua).</source>
        <translation>Kantor menyerahkan sebagai Pihak Pertama dan panitia menerima sebagai Pihak Kedua.</translation>
    </message>
    <message>
        <source>Receives for the office</source>
        <translation>Menerima atas nama kantor</translation>
    </message>
    <message>
        <source>Hands over for the office</source>
        <translation>Menyerahkan atas nama kantor</translation>
    </message>
    <message>
        <source>Hands over for each committee</source>
        <translation>Menyerahkan atas nama setiap panitia</translation>
    </message>
    <message>
        <source>Receives for each committee</source>
        <translation>Menerima atas nama setiap panitia</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(tidak ada)</translation>
    </message>
</context>
<context>
    <name>HandoverPreviewPage</name>
    <message>
        <source>Check the BAST</source>
        <translation>Periksa BAST</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Catat</translation>
    </message>
    <message>
        <source>Show the pages as printed</source>
        <translation>Tampilkan halaman seperti hasil cetak</translation>
    </message>
    <message>
        <source>{count} BAST will be recorded. Recording changes who holds the accounts; print the BAST afterwards for signing.</source>
        <translation>{count} BAST akan dicatat. Pencatatan mengubah pemegang akun; cetak BAST sesudahnya untuk ditandatangani.</translation>
    </message>
    <message>
        <source>Use Back to change it on the page &quot;{page}&quot;.</source>
        <translation>Gunakan Kembali untuk mengubahnya di halaman &quot;{page}&quot;.</translation>
    </message>
</context>
<context>
    <name>HandoverTermPage</name>
    <message>
        <source>Which term?</source>
        <translation>Masa tugas yang mana?</translation>
    </message>
    <message>
        <source>Choose the new term the kept accounts continue into.</source>
        <translation>Pilih masa tugas baru tempat akun yang dipertahankan dilanjutkan.</translation>
    </message>
    <message>
        <source>Choose the term of the committee.</source>
        <translation>Pilih masa tugas panitia.</translation>
    </message>
</context>
<context>
    <name>HandoverUi</name>
    <message>
        <source>Term end</source>
        <translation>Akhir Masa Tugas</translation>
    </message>
</context>
<context>
    <name>HandoverWizard</name>
    <message>
        <source>Handover (serah terima)</source>
        <translation>Serah terima</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Kembali</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Lanjut &gt;</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Catat</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>HandoversModel</name>
    <message>
        <source>BAST number</source>
        <translation>Nomor BAST</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Masa tugas</translation>
    </message>
    <message>
        <source>First party</source>
        <translation>Pihak Pertama</translation>
    </message>
    <message>
        <source>Second party</source>
        <translation>Pihak Kedua</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Pindaian</translation>
    </message>
    <message>
        <source>Who hands the accounts over</source>
        <translation>Yang menyerahkan akun</translation>
    </message>
    <message>
        <source>Who receives the accounts</source>
        <translation>Yang menerima akun</translation>
    </message>
    <message>
        <source>The signed BAST, scanned and stored in the vault</source>
        <translation>BAST yang sudah ditandatangani, dipindai, dan disimpan di brankas</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Terlampir</translation>
    </message>
    <message>
        <source>{count} attached</source>
        <translation>{count} terlampir</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Belum ada</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Tempat: {place}</translation>
    </message>
</context>
<context>
    <name>HandoversPage</name>
    <message>
        <source>Handovers</source>
        <translation>Serah Terima</translation>
    </message>
    <message>
        <source>Every serah terima recorded with its BAST: accounts issued to a committee, returned to the regency, or handed to the next committee.</source>
        <translation>Setiap serah terima yang tercatat beserta BAST-nya: akun yang diserahkan kepada panitia, dikembalikan kepada kabupaten, atau diserahkan kepada panitia berikutnya.</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Masa tugas:</translation>
    </message>
    <message>
        <source>Search BAST numbers, places, names (Ctrl+F)</source>
        <translation>Cari nomor BAST, tempat, nama (Ctrl+F)</translation>
    </message>
    <message>
        <source>New handover…</source>
        <translation>Serah terima baru…</translation>
    </message>
    <message>
        <source>Attach scan…</source>
        <translation>Lampirkan pindaian…</translation>
    </message>
    <message>
        <source>Attach the scan of the signed BAST (PDF, JPG or PNG)</source>
        <translation>Lampirkan pindaian BAST yang sudah ditandatangani (PDF, JPG, atau PNG)</translation>
    </message>
    <message>
        <source>Print BAST…</source>
        <translation>Cetak BAST…</translation>
    </message>
    <message>
        <source>All terms</source>
        <translation>Semua masa tugas</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} handovers.</source>
        <translation>Menampilkan {shown} dari {total} serah terima.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>User manual</source>
        <translation>Panduan Pengguna</translation>
    </message>
    <message>
        <source>The user manual is not part of this installation. Reinstall Brankas, or ask your IT staff for the file Panduan-Pengguna-Brankas.pdf.</source>
        <translation>Panduan pengguna tidak termasuk dalam pemasangan ini. Pasang ulang Brankas, atau minta berkas Panduan-Pengguna-Brankas.pdf kepada petugas TI.</translation>
    </message>
    <message>
        <source>No program to open PDF files was found. The manual is here: {path}</source>
        <translation>Tidak ada program untuk membuka berkas PDF. Panduan ada di sini: {path}</translation>
    </message>
</context>
<context>
    <name>IdentityTab</name>
    <message>
        <source>Platform:</source>
        <translation>Platform:</translation>
    </message>
    <message>
        <source>Username or link:</source>
        <translation>Nama pengguna atau tautan:</translation>
    </message>
    <message>
        <source>e.g. Panwaslu Kecamatan Biau</source>
        <translation>mis. Panwaslu Kecamatan Biau</translation>
    </message>
    <message>
        <source>Name shown:</source>
        <translation>Nama tampilan:</translation>
    </message>
    <message>
        <source>Kecamatan:</source>
        <translation>Kecamatan:</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Masa tugas:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Jenis:</translation>
    </message>
    <message>
        <source>Active for the whole term</source>
        <translation>Aktif selama seluruh masa tugas</translation>
    </message>
    <message>
        <source>Active period:</source>
        <translation>Masa aktif:</translation>
    </message>
    <message>
        <source>until</source>
        <translation>sampai</translation>
    </message>
    <message>
        <source>@name or https://www.instagram.com/name</source>
        <translation>@nama atau https://www.instagram.com/nama</translation>
    </message>
    <message>
        <source>Page name or https://www.facebook.com/name</source>
        <translation>nama Halaman atau https://www.facebook.com/nama</translation>
    </message>
    <message>
        <source>@name or https://x.com/name</source>
        <translation>@nama atau https://x.com/nama</translation>
    </message>
    <message>
        <source>@name or https://www.tiktok.com/@name</source>
        <translation>@nama atau https://www.tiktok.com/@nama</translation>
    </message>
    <message>
        <source>@Channel or the channel&apos;s link</source>
        <translation>@Kanal atau tautan kanal</translation>
    </message>
    <message>
        <source>name@example.go.id</source>
        <translation>nama@contoh.go.id</translation>
    </message>
    <message>
        <source>0812-3456-7890</source>
        <translation>0812-3456-7890</translation>
    </message>
    <message>
        <source>The username or the link</source>
        <translation>Nama pengguna atau tautannya</translation>
    </message>
    <message>
        <source>Saved as {handle}</source>
        <translation>Disimpan sebagai {handle}</translation>
    </message>
</context>
<context>
    <name>ImportDryRunPage</name>
    <message>
        <source>Dry run</source>
        <translation>Uji coba</translation>
    </message>
    <message>
        <source>Brankas went through the whole import and undid it. This is what importing will do; it happens in one step, all rows or none.</source>
        <translation>Brankas sudah menjalankan seluruh impor lalu membatalkannya. Inilah yang akan dilakukan impor; semuanya terjadi dalam satu langkah, semua baris atau tidak sama sekali.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
</context>
<context>
    <name>ImportExportActions</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Impor…</translation>
    </message>
    <message>
        <source>Import accounts from Excel, CSV, KeePassXC or Bitwarden (Ctrl+I)</source>
        <translation>Impor akun dari Excel, CSV, KeePassXC, atau Bitwarden (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Export register…</source>
        <translation>&amp;Ekspor daftar akun…</translation>
    </message>
    <message>
        <source>Export the account register as XLSX or CSV</source>
        <translation>Ekspor daftar akun sebagai XLSX atau CSV</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>Pilih berkas</translation>
    </message>
    <message>
        <source>Excel workbooks (.xlsx), CSV files with any separator, KeePassXC databases (.kdbx) and exports (CSV, XML), Bitwarden exports (JSON, CSV).</source>
        <translation>Buku kerja Excel (.xlsx), berkas CSV dengan pemisah apa pun, basis data KeePassXC (.kdbx) dan hasil ekspornya (CSV, XML), serta hasil ekspor Bitwarden (JSON, CSV).</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Berkas:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Lembar:</translation>
    </message>
    <message>
        <source>Database password:</source>
        <translation>Kata sandi basis data:</translation>
    </message>
    <message>
        <source>Databases that also need a key file or a hardware key cannot be opened here: export them from KeePassXC as CSV (Database → Export → CSV).</source>
        <translation>Basis data yang juga memerlukan berkas kunci atau kunci perangkat keras tidak dapat dibuka di sini: ekspor dari KeePassXC sebagai CSV (Database → Export → CSV).</translation>
    </message>
    <message>
        <source>Files Brankas can import ({patterns})</source>
        <translation>Berkas yang dapat diimpor Brankas ({patterns})</translation>
    </message>
    <message>
        <source>Excel workbooks ({patterns})</source>
        <translation>Buku kerja Excel ({patterns})</translation>
    </message>
    <message>
        <source>CSV files ({patterns})</source>
        <translation>Berkas CSV ({patterns})</translation>
    </message>
    <message>
        <source>KeePass databases ({patterns})</source>
        <translation>Basis data KeePass ({patterns})</translation>
    </message>
    <message>
        <source>Bitwarden exports ({patterns})</source>
        <translation>Hasil ekspor Bitwarden ({patterns})</translation>
    </message>
    <message>
        <source>KeePass XML exports ({patterns})</source>
        <translation>Hasil ekspor XML KeePass ({patterns})</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Pilih berkas yang akan diimpor</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Buku kerja Excel</translation>
    </message>
    <message>
        <source>CSV file (or a KeePassXC or Bitwarden CSV export)</source>
        <translation>Berkas CSV (atau hasil ekspor CSV KeePassXC atau Bitwarden)</translation>
    </message>
    <message>
        <source>KeePass database</source>
        <translation>Basis data KeePass</translation>
    </message>
    <message>
        <source>KeePass XML export</source>
        <translation>Hasil ekspor XML KeePass</translation>
    </message>
    <message>
        <source>Bitwarden export (JSON)</source>
        <translation>Hasil ekspor Bitwarden (JSON)</translation>
    </message>
    <message>
        <source>{name} (hidden)</source>
        <translation>{name} (tersembunyi)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Membaca berkas…</translation>
    </message>
    <message>
        <source>Reading the file… {rows} rows</source>
        <translation>Membaca berkas… {rows} baris</translation>
    </message>
    <message>
        <source>{rows} rows read.</source>
        <translation>{rows} baris terbaca.</translation>
    </message>
</context>
<context>
    <name>ImportMappingModel</name>
    <message>
        <source>(not shown)</source>
        <translation>(tidak ditampilkan)</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Kolom dalam berkas</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Berisi</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Nilai pertama</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>What each column holds</source>
        <translation>Isi setiap kolom</translation>
    </message>
    <message>
        <source>Brankas guessed what each column holds from its header. Check it and change what is wrong; columns you leave as “Other” are kept in the notes.</source>
        <translation>Brankas menebak isi setiap kolom dari judulnya. Periksa dan ubah yang keliru; kolom yang dibiarkan “Lainnya” disimpan di catatan.</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Baris judul:</translation>
    </message>
    <message>
        <source>Choose the column that holds the account name or its link.</source>
        <translation>Pilih kolom yang berisi nama akun atau tautannya.</translation>
    </message>
    <message>
        <source>No header row</source>
        <translation>Tanpa baris judul</translation>
    </message>
    <message>
        <source>Row {row}: {text}</source>
        <translation>Baris {row}: {text}</translation>
    </message>
    <message>
        <source>Proposed from the column headers.</source>
        <translation>Diusulkan dari judul kolom.</translation>
    </message>
    <message>
        <source>Remembered from the last file with these columns.</source>
        <translation>Diingat dari berkas terakhir dengan kolom yang sama.</translation>
    </message>
    <message>
        <source>This export&apos;s layout is known. Set the group or folder column to “Leave out” when its names are not kecamatan.</source>
        <translation>Susunan hasil ekspor ini sudah dikenal. Atur kolom grup atau folder menjadi “Abaikan” bila namanya bukan kecamatan.</translation>
    </message>
    <message>
        <source>Changed by you; it will be remembered for the next file with these columns.</source>
        <translation>Diubah oleh Anda; akan diingat untuk berkas berikutnya dengan kolom yang sama.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Pemulihan</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Tidak diimpor</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Siap</translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name} (baru)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Tidak diimpor</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambahkan</translation>
    </message>
    <message>
        <source>A password is recorded; it is shown after the import only.</source>
        <translation>Kata sandi tercatat; baru dapat ditampilkan setelah impor.</translation>
    </message>
    <message>
        <source>Double-click to choose what happens to this row.</source>
        <translation>Klik dua kali untuk memilih apa yang dilakukan pada baris ini.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <source>Check the rows</source>
        <translation>Periksa baris-baris</translation>
    </message>
    <message>
        <source>Rows with errors are left out. Fix the file, or tell Brankas what its names mean below; the preview updates at once.</source>
        <translation>Baris yang bermasalah tidak diimpor. Perbaiki berkasnya, atau beri tahu Brankas arti nama-nama di bawah ini; pratinjau langsung diperbarui.</translation>
    </message>
    <message>
        <source>Names in the file</source>
        <translation>Nama dalam berkas</translation>
    </message>
    <message>
        <source>Show only rows with errors or warnings</source>
        <translation>Tampilkan hanya baris dengan kesalahan atau peringatan</translation>
    </message>
    <message>
        <source>(none: leave such rows out)</source>
        <translation>(tidak ada: abaikan baris tersebut)</translation>
    </message>
    <message>
        <source>Ad hoc (for this term)</source>
        <translation>Ad hoc (untuk masa tugas ini)</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>Permanen</translation>
    </message>
    <message>
        <source>Create kecamatan that are not in the vault</source>
        <translation>Buat kecamatan yang belum ada di brankas</translation>
    </message>
    <message>
        <source>Platform when the row does not say:</source>
        <translation>Platform bila baris tidak menyebutkannya:</translation>
    </message>
    <message>
        <source>New accounts are:</source>
        <translation>Akun baru bersifat:</translation>
    </message>
    <message>
        <source>Accounts already in the vault:</source>
        <translation>Akun yang sudah ada di brankas:</translation>
    </message>
    <message>
        <source>Only the first {rows} rows are shown while the rest of the file is read…</source>
        <translation>Hanya {rows} baris pertama yang ditampilkan selagi sisa berkas dibaca…</translation>
    </message>
    <message>
        <source>{rows} rows: {ready} ready to add, {duplicates} already in the vault or repeated, {blocked} with errors (left out), {ignored} without an account (headings, totals) skipped.</source>
        <translation>{rows} baris: {ready} siap ditambahkan, {duplicates} sudah ada di brankas atau berulang, {blocked} bermasalah (tidak diimpor), {ignored} tanpa akun (judul, jumlah) dilewati.</translation>
    </message>
    <message>
        <source>(not in the vault)</source>
        <translation>(tidak ada di brankas)</translation>
    </message>
    <message>
        <source>Kecamatan “{name}” means:</source>
        <translation>Kecamatan “{name}” berarti:</translation>
    </message>
    <message>
        <source>(unknown platform)</source>
        <translation>(platform tidak dikenal)</translation>
    </message>
    <message>
        <source>Platform “{name}” means:</source>
        <translation>Platform “{name}” berarti:</translation>
    </message>
    <message>
        <source>Row {row} of the file:</source>
        <translation>Baris {row} dalam berkas:</translation>
    </message>
    <message>
        <source>No problems: this row is ready.</source>
        <translation>Tidak ada masalah: baris ini siap.</translation>
    </message>
</context>
<context>
    <name>ImportQueue</name>
    <message>
        <source>Imported: {office} — {terms}, exported {date}.</source>
        <translation>Diimpor: {office} — {terms}, diekspor {date}.</translation>
    </message>
    <message>
        <source>Metadata only: it holds no passwords.</source>
        <translation>Metadata saja: tidak memuat kata sandi.</translation>
    </message>
    <message>
        <source>Note: its export number is not higher than that of an archive already imported from this regency, although it is newer. The regency has probably restored a backup of its vault; ask them whether records were lost.</source>
        <translation>Catatan: nomor ekspornya tidak lebih tinggi daripada arsip yang sudah diimpor dari kabupaten/kota ini, padahal arsip ini lebih baru. Kabupaten/kota tersebut kemungkinan memulihkan cadangan brankasnya; tanyakan apakah ada catatan yang hilang.</translation>
    </message>
    <message>
        <source>Note: verification reported “{code}”.</source>
        <translation>Catatan: verifikasi melaporkan “{code}”.</translation>
    </message>
    <message>
        <source>Not imported: the key fingerprint was not confirmed.</source>
        <translation>Tidak diimpor: sidik jari kunci tidak dikonfirmasi.</translation>
    </message>
    <message>
        <source>Older archive</source>
        <translation>Arsip yang lebih lama</translation>
    </message>
    <message>
        <source>A newer archive from this regency&apos;s vault was already imported. Import this older one as well? It is kept next to the newer one; the dashboard keeps showing the newest.</source>
        <translation>Arsip yang lebih baru dari brankas kabupaten/kota ini sudah diimpor. Impor juga arsip yang lebih lama ini? Arsip ini disimpan di samping yang lebih baru; tinjauan tetap menampilkan yang terbaru.</translation>
    </message>
    <message>
        <source>Import the older archive</source>
        <translation>Impor arsip yang lebih lama</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <source>Importing</source>
        <translation>Mengimpor</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Writing the accounts into the vault…</source>
        <translation>Menulis akun ke brankas…</translation>
    </message>
    <message>
        <source>Nothing was imported: the vault is as it was before.</source>
        <translation>Tidak ada yang diimpor: brankas tetap seperti semula.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Impor selesai</translation>
    </message>
    <message>
        <source>The import is recorded in the audit log. New accounts start as planned.</source>
        <translation>Impor ini tercatat di log audit. Akun baru dimulai dengan status direncanakan.</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>{created} new accounts would be added to the vault.</source>
        <translation>{created} akun baru akan ditambahkan ke brankas.</translation>
    </message>
    <message>
        <source>{updated} existing accounts would be updated ({unchanged} already match).</source>
        <translation>{updated} akun yang sudah ada akan diperbarui ({unchanged} sudah sama).</translation>
    </message>
    <message>
        <source>{created} new accounts were added to the vault.</source>
        <translation>{created} akun baru telah ditambahkan ke brankas.</translation>
    </message>
    <message>
        <source>{updated} existing accounts were updated ({unchanged} already matched).</source>
        <translation>{updated} akun yang sudah ada telah diperbarui ({unchanged} sudah sama).</translation>
    </message>
    <message>
        <source>{count} rows already in the vault or repeated are skipped.</source>
        <translation>{count} baris yang sudah ada di brankas atau berulang dilewati.</translation>
    </message>
    <message>
        <source>{count} rows with errors are left out.</source>
        <translation>{count} baris bermasalah tidak diimpor.</translation>
    </message>
    <message>
        <source>Kecamatan that would be created: {names}.</source>
        <translation>Kecamatan yang akan dibuat: {names}.</translation>
    </message>
    <message>
        <source>Kecamatan created: {names}.</source>
        <translation>Kecamatan yang dibuat: {names}.</translation>
    </message>
    <message>
        <source>{count} kecamatan would be added to the term.</source>
        <translation>{count} kecamatan akan ditambahkan ke masa tugas.</translation>
    </message>
    <message>
        <source>{count} kecamatan were added to the term.</source>
        <translation>{count} kecamatan telah ditambahkan ke masa tugas.</translation>
    </message>
    <message>
        <source>{count} accounts: {note}</source>
        <translation>{count} akun: {note}</translation>
    </message>
</context>
<context>
    <name>ImportTermPage</name>
    <message>
        <source>Import accounts</source>
        <translation>Impor akun</translation>
    </message>
    <message>
        <source>Bring in accounts from an Excel or CSV file, a KeePassXC database or export, or a Bitwarden export. Nothing is written until the last step.</source>
        <translation>Masukkan akun dari berkas Excel atau CSV, basis data atau hasil ekspor KeePassXC, atau hasil ekspor Bitwarden. Tidak ada yang ditulis sebelum langkah terakhir.</translation>
    </message>
    <message>
        <source>Term of office:</source>
        <translation>Masa tugas:</translation>
    </message>
    <message>
        <source>There is no term yet. Add one on the Terms of office page first.</source>
        <translation>Belum ada masa tugas. Tambahkan dulu di halaman Masa Tugas.</translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Account (username)</source>
        <translation>Akun (nama pengguna)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Recovery e-mail</source>
        <translation>Email pemulihan</translation>
    </message>
    <message>
        <source>Recovery phone</source>
        <translation>Nomor HP pemulihan</translation>
    </message>
    <message>
        <source>Link (URL)</source>
        <translation>Tautan (URL)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Pemegang</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nama tampilan</translation>
    </message>
    <message>
        <source>Entry title (kept in the notes)</source>
        <translation>Judul entri (disimpan di catatan)</translation>
    </message>
    <message>
        <source>Authenticator (TOTP) key</source>
        <translation>Kunci autentikator (TOTP)</translation>
    </message>
    <message>
        <source>Backup codes</source>
        <translation>Kode cadangan</translation>
    </message>
    <message>
        <source>Active from</source>
        <translation>Aktif sejak</translation>
    </message>
    <message>
        <source>Active until</source>
        <translation>Aktif sampai</translation>
    </message>
    <message>
        <source>Row number (left out)</source>
        <translation>Nomor urut (diabaikan)</translation>
    </message>
    <message>
        <source>Other (kept in the notes)</source>
        <translation>Lainnya (disimpan di catatan)</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Whole row</source>
        <translation>Seluruh baris</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Update the existing account</source>
        <translation>Perbarui akun yang sudah ada</translation>
    </message>
    <message>
        <source>Add as another account</source>
        <translation>Tambahkan sebagai akun lain</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Lewati</translation>
    </message>
    <message>
        <source>No kecamatan is given; the account is added without one.</source>
        <translation>Kecamatan tidak diisi; akun ditambahkan tanpa kecamatan.</translation>
    </message>
    <message>
        <source>This kecamatan is not in the vault. Choose which kecamatan it means, or let the import create it.</source>
        <translation>Kecamatan ini tidak ada di brankas. Pilih kecamatan yang dimaksud, atau biarkan impor membuatnya.</translation>
    </message>
    <message>
        <source>This kecamatan will be created.</source>
        <translation>Kecamatan ini akan dibuat.</translation>
    </message>
    <message>
        <source>This kecamatan is retired; accounts cannot be added to it.</source>
        <translation>Kecamatan ini sudah tidak aktif; akun tidak dapat ditambahkan ke kecamatan ini.</translation>
    </message>
    <message>
        <source>The kecamatan is taken from the rows above.</source>
        <translation>Kecamatan diambil dari baris di atasnya.</translation>
    </message>
    <message>
        <source>The platform cannot be told from the row. Choose a default.</source>
        <translation>Platform tidak dapat diketahui dari baris ini. Pilih platform bawaan.</translation>
    </message>
    <message>
        <source>This platform is not known. Choose which platform it means.</source>
        <translation>Platform ini tidak dikenal. Pilih platform yang dimaksud.</translation>
    </message>
    <message>
        <source>The platform was recognised from the link or the account.</source>
        <translation>Platform dikenali dari tautan atau nama akun.</translation>
    </message>
    <message>
        <source>The row has no account name or link.</source>
        <translation>Baris ini tidak memiliki nama akun atau tautan.</translation>
    </message>
    <message>
        <source>The account is taken from the link; the name given is in the notes.</source>
        <translation>Akun diambil dari tautan; nama yang tertulis disimpan di catatan.</translation>
    </message>
    <message>
        <source>The link points to another account; it is kept in the notes.</source>
        <translation>Tautan mengarah ke akun lain; tautan disimpan di catatan.</translation>
    </message>
    <message>
        <source>The account name has characters this platform does not allow.</source>
        <translation>Nama akun memuat karakter yang tidak diizinkan platform ini.</translation>
    </message>
    <message>
        <source>The account name is too short.</source>
        <translation>Nama akun terlalu pendek.</translation>
    </message>
    <message>
        <source>The account name is too long.</source>
        <translation>Nama akun terlalu panjang.</translation>
    </message>
    <message>
        <source>The account name cannot start or end with a dot.</source>
        <translation>Nama akun tidak boleh diawali atau diakhiri titik.</translation>
    </message>
    <message>
        <source>The account name cannot have two dots in a row.</source>
        <translation>Nama akun tidak boleh memuat dua titik berturut-turut.</translation>
    </message>
    <message>
        <source>This name is reserved by the platform.</source>
        <translation>Nama ini dicadangkan oleh platform.</translation>
    </message>
    <message>
        <source>The account name is not valid for this platform.</source>
        <translation>Nama akun tidak sah untuk platform ini.</translation>
    </message>
    <message>
        <source>The link is not a valid web address.</source>
        <translation>Tautan bukan alamat web yang sah.</translation>
    </message>
    <message>
        <source>The link belongs to another site than the platform.</source>
        <translation>Tautan berasal dari situs lain, bukan dari platform ini.</translation>
    </message>
    <message>
        <source>The link does not point to a profile or page.</source>
        <translation>Tautan tidak mengarah ke profil atau halaman.</translation>
    </message>
    <message>
        <source>The link is a share link, not the account&apos;s address.</source>
        <translation>Tautan ini adalah tautan berbagi, bukan alamat akun.</translation>
    </message>
    <message>
        <source>Shortened links cannot be followed; paste the full address.</source>
        <translation>Tautan pendek tidak dapat diikuti; tempelkan alamat lengkapnya.</translation>
    </message>
    <message>
        <source>The link is a Facebook group, not a Page.</source>
        <translation>Tautan ini adalah grup Facebook, bukan Halaman.</translation>
    </message>
    <message>
        <source>The e-mail address is empty.</source>
        <translation>Alamat email kosong.</translation>
    </message>
    <message>
        <source>The e-mail address has no @.</source>
        <translation>Alamat email tidak memuat @.</translation>
    </message>
    <message>
        <source>The part before @ of the e-mail address is not valid.</source>
        <translation>Bagian sebelum @ pada alamat email tidak sah.</translation>
    </message>
    <message>
        <source>The domain of the e-mail address is not valid.</source>
        <translation>Domain alamat email tidak sah.</translation>
    </message>
    <message>
        <source>The e-mail address is too long.</source>
        <translation>Alamat email terlalu panjang.</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>Nomor telepon kosong.</translation>
    </message>
    <message>
        <source>The phone number has characters that are not digits.</source>
        <translation>Nomor telepon memuat karakter selain angka.</translation>
    </message>
    <message>
        <source>The phone number is too short.</source>
        <translation>Nomor telepon terlalu pendek.</translation>
    </message>
    <message>
        <source>The phone number is too long.</source>
        <translation>Nomor telepon terlalu panjang.</translation>
    </message>
    <message>
        <source>The phone number does not start like an Indonesian number.</source>
        <translation>Awalan nomor telepon tidak seperti nomor Indonesia.</translation>
    </message>
    <message>
        <source>Only Indonesian phone numbers (+62) are accepted.</source>
        <translation>Hanya nomor telepon Indonesia (+62) yang diterima.</translation>
    </message>
    <message>
        <source>This is a landline number: it cannot receive SMS codes.</source>
        <translation>Ini nomor telepon rumah/kantor: tidak dapat menerima kode SMS.</translation>
    </message>
    <message>
        <source>No password is given.</source>
        <translation>Kata sandi tidak diisi.</translation>
    </message>
    <message>
        <source>The spreadsheet stored the password as a number; check that it was not changed (leading zeros, rounding).</source>
        <translation>Lembar kerja menyimpan kata sandi sebagai angka; periksa apakah kata sandi berubah (nol di depan, pembulatan).</translation>
    </message>
    <message>
        <source>The spreadsheet turned the password into TRUE or FALSE.</source>
        <translation>Lembar kerja mengubah kata sandi menjadi TRUE atau FALSE.</translation>
    </message>
    <message>
        <source>The spreadsheet turned the password into a date, so it is lost; it is left out.</source>
        <translation>Lembar kerja mengubah kata sandi menjadi tanggal sehingga kata sandi hilang; kata sandi tidak diimpor.</translation>
    </message>
    <message>
        <source>The password starts or ends with a space; kept as is.</source>
        <translation>Kata sandi diawali atau diakhiri spasi; disimpan apa adanya.</translation>
    </message>
    <message>
        <source>The recovery e-mail is not valid; it is kept in the notes.</source>
        <translation>Email pemulihan tidak sah; disimpan di catatan.</translation>
    </message>
    <message>
        <source>The spreadsheet dropped the leading 0 of the phone number; repaired.</source>
        <translation>Lembar kerja menghapus angka 0 di depan nomor telepon; sudah diperbaiki.</translation>
    </message>
    <message>
        <source>The spreadsheet rounded the phone number (shown like 8.12E+10); check it.</source>
        <translation>Lembar kerja membulatkan nomor telepon (tampil seperti 8.12E+10); periksa nomornya.</translation>
    </message>
    <message>
        <source>The recovery phone number is not valid; it is kept in the notes.</source>
        <translation>Nomor HP pemulihan tidak sah; disimpan di catatan.</translation>
    </message>
    <message>
        <source>The authenticator key is not valid; it is kept in the notes.</source>
        <translation>Kunci autentikator tidak sah; disimpan di catatan.</translation>
    </message>
    <message>
        <source>This is not a valid date; it is kept in the notes.</source>
        <translation>Ini bukan tanggal yang sah; disimpan di catatan.</translation>
    </message>
    <message>
        <source>The active period ends before it starts; the term&apos;s period is used.</source>
        <translation>Masa aktif berakhir sebelum dimulai; masa aktif dari masa tugas yang digunakan.</translation>
    </message>
    <message>
        <source>This cell is a formula whose result was never saved. Open the file in Excel, save it, and import it again.</source>
        <translation>Sel ini berisi rumus yang hasilnya tidak pernah disimpan. Buka berkas di Excel, simpan, lalu impor kembali.</translation>
    </message>
    <message>
        <source>The holder is kept in the notes (record the handover later).</source>
        <translation>Pemegang disimpan di catatan (catat serah terimanya kemudian).</translation>
    </message>
    <message>
        <source>This account is already in the vault (same platform and name).</source>
        <translation>Akun ini sudah ada di brankas (platform dan nama sama).</translation>
    </message>
    <message>
        <source>This account appears earlier in the file.</source>
        <translation>Akun ini sudah muncul di baris sebelumnya dalam berkas.</translation>
    </message>
    <message>
        <source>The recovery e-mail belongs to a person, not the office.</source>
        <translation>Email pemulihan milik perorangan, bukan milik kantor.</translation>
    </message>
    <message>
        <source>The recovery e-mail is a free personal mailbox; an office address is safer.</source>
        <translation>Email pemulihan adalah kotak surat pribadi gratis; alamat email kantor lebih aman.</translation>
    </message>
    <message>
        <source>The recovery phone belongs to a person, not the office.</source>
        <translation>Nomor HP pemulihan milik perorangan, bukan milik kantor.</translation>
    </message>
    <message>
        <source>The recovery phone is a landline: it cannot receive SMS.</source>
        <translation>Nomor pemulihan adalah telepon rumah/kantor: tidak dapat menerima SMS.</translation>
    </message>
    <message>
        <source>The authenticator is on a person&apos;s own phone.</source>
        <translation>Autentikator terpasang di ponsel pribadi seseorang.</translation>
    </message>
    <message>
        <source>The file cannot be read. Check that it still exists and is not open elsewhere.</source>
        <translation>Berkas tidak dapat dibaca. Periksa apakah berkas masih ada dan tidak sedang dibuka di program lain.</translation>
    </message>
    <message>
        <source>The file is too large to import (over 64 MB).</source>
        <translation>Berkas terlalu besar untuk diimpor (lebih dari 64 MB).</translation>
    </message>
    <message>
        <source>The file has more than {limit} rows. Split it into smaller files.</source>
        <translation>Berkas memiliki lebih dari {limit} baris. Pecah menjadi beberapa berkas yang lebih kecil.</translation>
    </message>
    <message>
        <source>Row {row} has more than {limit} columns.</source>
        <translation>Baris {row} memiliki lebih dari {limit} kolom.</translation>
    </message>
    <message>
        <source>A cell in row {row} holds more text than a spreadsheet cell can.</source>
        <translation>Sebuah sel di baris {row} memuat teks lebih panjang daripada yang dapat ditampung sel lembar kerja.</translation>
    </message>
    <message>
        <source>The text encoding of this file is not recognised. Save it as “CSV UTF-8”.</source>
        <translation>Pengodean teks berkas ini tidak dikenali. Simpan sebagai “CSV UTF-8”.</translation>
    </message>
    <message>
        <source>This is not a text (CSV) file.</source>
        <translation>Ini bukan berkas teks (CSV).</translation>
    </message>
    <message>
        <source>The CSV file is malformed near row {row} (a quote that is never closed?).</source>
        <translation>Berkas CSV rusak di sekitar baris {row} (ada tanda kutip yang tidak ditutup?).</translation>
    </message>
    <message>
        <source>The workbook is protected by a password. Save a copy without the password and import that.</source>
        <translation>Buku kerja dilindungi kata sandi. Simpan salinan tanpa kata sandi, lalu impor salinan itu.</translation>
    </message>
    <message>
        <source>Old .xls workbooks cannot be read. Open it in Excel and save it as .xlsx.</source>
        <translation>Buku kerja .xls lama tidak dapat dibaca. Buka di Excel dan simpan sebagai .xlsx.</translation>
    </message>
    <message>
        <source>OpenDocument spreadsheets cannot be read. Save it as .xlsx.</source>
        <translation>Lembar kerja OpenDocument tidak dapat dibaca. Simpan sebagai .xlsx.</translation>
    </message>
    <message>
        <source>The workbook is damaged.</source>
        <translation>Buku kerja rusak.</translation>
    </message>
    <message>
        <source>This is not an Excel workbook.</source>
        <translation>Ini bukan buku kerja Excel.</translation>
    </message>
    <message>
        <source>The workbook has no such sheet.</source>
        <translation>Buku kerja tidak memiliki lembar tersebut.</translation>
    </message>
    <message>
        <source>KeePass 1 databases cannot be read. Export it as CSV and import that.</source>
        <translation>Basis data KeePass 1 tidak dapat dibaca. Ekspor sebagai CSV, lalu impor berkas itu.</translation>
    </message>
    <message>
        <source>Type the password of the KeePass database.</source>
        <translation>Ketik kata sandi basis data KeePass.</translation>
    </message>
    <message>
        <source>Reading KeePass databases is not available in this installation. Export the database from KeePassXC as CSV.</source>
        <translation>Pembacaan basis data KeePass tidak tersedia pada instalasi ini. Ekspor basis data dari KeePassXC sebagai CSV.</translation>
    </message>
    <message>
        <source>The database password is wrong. If the database also needs a key file or a hardware key, Brankas cannot open it: in KeePassXC choose Database → Export → CSV and import that file.</source>
        <translation>Kata sandi basis data salah. Bila basis data juga memerlukan berkas kunci atau kunci perangkat keras, Brankas tidak dapat membukanya: di KeePassXC pilih Database → Export → CSV, lalu impor berkas itu.</translation>
    </message>
    <message>
        <source>This is a KeePass key file, not a database. Choose the .kdbx file; databases that need a key file must be exported from KeePassXC as CSV.</source>
        <translation>Ini berkas kunci KeePass, bukan basis data. Pilih berkas .kdbx; basis data yang memerlukan berkas kunci harus diekspor dari KeePassXC sebagai CSV.</translation>
    </message>
    <message>
        <source>The KeePass database is damaged.</source>
        <translation>Basis data KeePass rusak.</translation>
    </message>
    <message>
        <source>This database&apos;s security settings would take minutes to open here. Export it from KeePassXC as CSV and import that file.</source>
        <translation>Pengaturan keamanan basis data ini membuatnya perlu waktu bermenit-menit untuk dibuka di sini. Ekspor dari KeePassXC sebagai CSV, lalu impor berkas itu.</translation>
    </message>
    <message>
        <source>The KeePass XML file is damaged or not a KeePass export.</source>
        <translation>Berkas XML KeePass rusak atau bukan hasil ekspor KeePass.</translation>
    </message>
    <message>
        <source>The XML file holds encrypted values. Export it again from KeePassXC (Database → Export → XML).</source>
        <translation>Berkas XML memuat nilai terenkripsi. Ekspor ulang dari KeePassXC (Database → Export → XML).</translation>
    </message>
    <message>
        <source>The XML file was refused because it declares a DTD.</source>
        <translation>Berkas XML ditolak karena mendeklarasikan DTD.</translation>
    </message>
    <message>
        <source>This Bitwarden export is encrypted. Export it again as “.json” (not “.json (Encrypted)”).</source>
        <translation>Hasil ekspor Bitwarden ini terenkripsi. Ekspor ulang sebagai “.json” (bukan “.json (Encrypted)”).</translation>
    </message>
    <message>
        <source>The Bitwarden export is damaged or not a Bitwarden export.</source>
        <translation>Hasil ekspor Bitwarden rusak atau bukan hasil ekspor Bitwarden.</translation>
    </message>
    <message>
        <source>This file cannot be imported.</source>
        <translation>Berkas ini tidak dapat diimpor.</translation>
    </message>
    <message>
        <source>Exporting the secrets needs your password typed again. Nothing was written.</source>
        <translation>Mengekspor rahasia memerlukan kata sandi Anda diketik sekali lagi. Tidak ada yang ditulis.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import accounts</source>
        <translation>Impor akun</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Kembali</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Lanjut &gt;</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ImportsModel</name>
    <message>
        <source>Regency / city</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Masa tugas</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Diekspor</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Isi</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Kunci tanda tangan</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>lengkap</translation>
    </message>
    <message>
        <source>metadata only</source>
        <translation>metadata saja</translation>
    </message>
</context>
<context>
    <name>KecamatanChoiceModel</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>Masa tugas berakhir</translation>
    </message>
    <message>
        <source>Accounts to hand over</source>
        <translation>Akun untuk diserahterimakan</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>No account of this kecamatan can be handed over this way.</source>
        <translation>Tidak ada akun kecamatan ini yang dapat diserahterimakan dengan cara ini.</translation>
    </message>
</context>
<context>
    <name>KecamatanDialog</name>
    <message>
        <source>Add a kecamatan</source>
        <translation>Tambah kecamatan</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambahkan</translation>
    </message>
    <message>
        <source>Rename a kecamatan</source>
        <translation>Ubah nama kecamatan</translation>
    </message>
    <message>
        <source>e.g. Paleleh Barat</source>
        <translation>mis. Paleleh Barat</translation>
    </message>
    <message>
        <source>e.g. 72.05.01 (optional)</source>
        <translation>mis. 72.05.01 (opsional)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <source>Region code:</source>
        <translation>Kode wilayah:</translation>
    </message>
    <message>
        <source>The BPS region code, if you use it. It may stay empty.</source>
        <translation>Kode wilayah BPS, bila Anda memakainya. Boleh dibiarkan kosong.</translation>
    </message>
</context>
<context>
    <name>KecamatanEndDialog</name>
    <message>
        <source>Term end of {name}</source>
        <translation>Akhir masa tugas {name}</translation>
    </message>
    <message>
        <source>The term {term} ends on {date}. A kecamatan can end later, for example when its result was disputed at the Constitutional Court.</source>
        <translation>Masa tugas {term} berakhir pada {date}. Sebuah kecamatan dapat berakhir lebih lambat, misalnya bila hasilnya disengketakan di Mahkamah Konstitusi.</translation>
    </message>
    <message>
        <source>Ends with the term</source>
        <translation>Berakhir bersama masa tugas</translation>
    </message>
    <message>
        <source>Has its own end date</source>
        <translation>Memiliki tanggal berakhir sendiri</translation>
    </message>
    <message>
        <source>e.g. Extended: result disputed at the Constitutional Court</source>
        <translation>mis. Diperpanjang: hasil disengketakan di Mahkamah Konstitusi</translation>
    </message>
    <message>
        <source>Term end:</source>
        <translation>Akhir masa tugas:</translation>
    </message>
    <message>
        <source>Own end date:</source>
        <translation>Tanggal berakhir sendiri:</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Alasan:</translation>
    </message>
</context>
<context>
    <name>KecamatanModel</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Dipakai</translation>
    </message>
    <message>
        <source>Retired since {date}</source>
        <translation>Tidak dipakai sejak {date}</translation>
    </message>
    <message>
        <source>Has records</source>
        <translation>Ada catatan</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Belum ada</translation>
    </message>
    <message>
        <source>Accounts, people or terms refer to this kecamatan: it can be retired but not deleted.</source>
        <translation>Akun, orang, atau masa tugas merujuk ke kecamatan ini: kecamatan ini dapat dinonaktifkan, tetapi tidak dapat dihapus.</translation>
    </message>
    <message>
        <source>Nothing refers to this kecamatan yet: it can still be deleted.</source>
        <translation>Belum ada yang merujuk ke kecamatan ini: kecamatan ini masih dapat dihapus.</translation>
    </message>
</context>
<context>
    <name>KecamatanPage</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>The kecamatan of this regency. A kecamatan that accounts, people or terms refer to is retired rather than deleted, so that its history stays.</source>
        <translation>Kecamatan di kabupaten ini. Kecamatan yang dirujuk oleh akun, orang, atau masa tugas tidak dihapus melainkan dinonaktifkan, agar riwayatnya tetap tersimpan.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Tambah…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Ubah nama…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Show retired kecamatan</source>
        <translation>Tampilkan kecamatan nonaktif</translation>
    </message>
    <message>
        <source>{active} kecamatan in use, {retired} retired.</source>
        <translation>{active} kecamatan dipakai, {retired} nonaktif.</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Aktifkan kembali</translation>
    </message>
    <message>
        <source>This kecamatan has records, so it can only be retired.</source>
        <translation>Kecamatan ini sudah memiliki catatan, sehingga hanya dapat dinonaktifkan.</translation>
    </message>
    <message>
        <source>Retire a kecamatan</source>
        <translation>Nonaktifkan kecamatan</translation>
    </message>
    <message>
        <source>Retire {name}? It keeps its accounts, people and history, but is no longer offered for new terms and accounts.</source>
        <translation>Nonaktifkan {name}? Akun, orang, dan riwayatnya tetap tersimpan, tetapi kecamatan ini tidak lagi ditawarkan untuk masa tugas dan akun baru.</translation>
    </message>
    <message>
        <source>Delete a kecamatan</source>
        <translation>Hapus kecamatan</translation>
    </message>
    <message>
        <source>Delete {name}? Use this only for a kecamatan entered by mistake.</source>
        <translation>Hapus {name}? Gunakan ini hanya untuk kecamatan yang salah dimasukkan.</translation>
    </message>
</context>
<context>
    <name>KitConfirm</name>
    <message>
        <source>To check that you have the kit, type group {n} from your printout or notes:</source>
        <translation>Untuk memastikan Anda memegang kit ini, ketik kelompok {n} dari hasil cetak atau catatan Anda:</translation>
    </message>
    <message>
        <source>That matches.</source>
        <translation>Cocok.</translation>
    </message>
    <message>
        <source>That is not group {n}.</source>
        <translation>Itu bukan kelompok {n}.</translation>
    </message>
</context>
<context>
    <name>KitPage</name>
    <message>
        <source>Recovery kit</source>
        <translation>Kit pemulihan</translation>
    </message>
    <message>
        <source>Print the kit now, or write the 48 digits down on paper.</source>
        <translation>Cetak kit sekarang, atau tulis ke-48 angkanya di atas kertas.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Bawaslu Province</source>
        <translation>Bawaslu Provinsi</translation>
    </message>
    <message>
        <source>Bawaslu Regency/City</source>
        <translation>Bawaslu Kabupaten/Kota</translation>
    </message>
    <message>
        <source>Facebook Page</source>
        <translation>Halaman Facebook</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Surel</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Nomor telepon</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>Brankas dibuat</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <source>Failed unlock</source>
        <translation>Gagal dibuka</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Dikunci</translation>
    </message>
    <message>
        <source>Secret revealed</source>
        <translation>Rahasia ditampilkan</translation>
    </message>
    <message>
        <source>Secret copied</source>
        <translation>Rahasia disalin</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Dihapus</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status diubah</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Serah terima</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Diekspor</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <source>Operator added</source>
        <translation>Operator ditambahkan</translation>
    </message>
    <message>
        <source>Operator removed</source>
        <translation>Operator dihapus</translation>
    </message>
    <message>
        <source>Operator password changed</source>
        <translation>Kata sandi operator diganti</translation>
    </message>
    <message>
        <source>Recovery kit used</source>
        <translation>Kit pemulihan digunakan</translation>
    </message>
    <message>
        <source>New recovery kit</source>
        <translation>Kit pemulihan baru</translation>
    </message>
    <message>
        <source>Vault key replaced</source>
        <translation>Kunci brankas diganti</translation>
    </message>
    <message>
        <source>Key replacement abandoned</source>
        <translation>Penggantian kunci dibatalkan</translation>
    </message>
    <message>
        <source>Remembered on a PC</source>
        <translation>Diingat di sebuah PC</translation>
    </message>
    <message>
        <source>No longer remembered on a PC</source>
        <translation>Tidak lagi diingat di PC</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Cadangan dibuat</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Cadangan dipulihkan</translation>
    </message>
    <message>
        <source>Vault upgraded</source>
        <translation>Brankas diperbarui</translation>
    </message>
    <message>
        <source>Key file repaired</source>
        <translation>Berkas kunci diperbaiki</translation>
    </message>
    <message>
        <source>Old database warning</source>
        <translation>Peringatan basis data lama</translation>
    </message>
    <message>
        <source>An interrupted change of the vault key was completed.</source>
        <translation>Penggantian kunci brankas yang sempat terputus telah diselesaikan.</translation>
    </message>
    <message>
        <source>An interrupted change of the vault key had not reached the database and was undone; the vault is as it was before.</source>
        <translation>Penggantian kunci brankas yang sempat terputus belum sampai ke basis data dan telah dibatalkan; brankas kembali seperti sebelumnya.</translation>
    </message>
    <message>
        <source>There was one failed attempt to unlock this vault since it was last opened. The audit log shows when.</source>
        <translation>Ada satu percobaan membuka brankas ini yang gagal sejak terakhir dibuka. Waktunya tercatat di log audit.</translation>
    </message>
    <message>
        <source>There were {count} failed attempts to unlock this vault since it was last opened. The audit log shows when.</source>
        <translation>Ada {count} percobaan membuka brankas ini yang gagal sejak terakhir dibuka. Waktunya tercatat di log audit.</translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation>kata sandi salah</translation>
    </message>
    <message>
        <source>unknown operator name</source>
        <translation>nama operator tidak dikenal</translation>
    </message>
    <message>
        <source>wrong recovery kit</source>
        <translation>kit pemulihan salah</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Direncanakan</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Retained (permanent)</source>
        <translation>Dipertahankan (permanen)</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Diarsipkan</translation>
    </message>
    <message>
        <source>Issued to the committee</source>
        <translation>Diserahkan ke panitia</translation>
    </message>
    <message>
        <source>Returned to the regency</source>
        <translation>Dikembalikan ke kabupaten</translation>
    </message>
    <message>
        <source>Handed to the next committee</source>
        <translation>Ke panitia berikutnya</translation>
    </message>
    <message>
        <source>Ketua (chair)</source>
        <translation>Ketua</translation>
    </message>
    <message>
        <source>Anggota (member)</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Secretariat staff</source>
        <translation>Staf sekretariat</translation>
    </message>
    <message>
        <source>Regency official</source>
        <translation>Pejabat kabupaten</translation>
    </message>
    <message>
        <source>Brankas operator</source>
        <translation>Operator Brankas</translation>
    </message>
    <message>
        <source>Pilkada (regional election)</source>
        <translation>Pilkada</translation>
    </message>
    <message>
        <source>Pemilu (general election)</source>
        <translation>Pemilu</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Kunci</translation>
    </message>
    <message>
        <source>Lock the vault (Ctrl+L)</source>
        <translation>Kunci brankas (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Cadangkan sekarang</translation>
    </message>
    <message>
        <source>&amp;Check the vault</source>
        <translation>&amp;Periksa brankas</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Ganti kata &amp;sandi saya…</translation>
    </message>
    <message>
        <source>&amp;Office profile…</source>
        <translation>Profil ka&amp;ntor…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;About Brankas</source>
        <translation>&amp;Tentang Brankas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>Bran&amp;kas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Bilah alat utama</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Kelengkapan</translation>
    </message>
    <message>
        <source>Terms of office</source>
        <translation>Masa Tugas</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation>Serah Terima</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Log Audit</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>The Accounts page cannot open accounts yet.</source>
        <translation>Halaman Akun belum dapat membuka akun.</translation>
    </message>
    <message>
        <source>The Accounts page cannot create accounts yet.</source>
        <translation>Halaman Akun belum dapat membuat akun.</translation>
    </message>
    <message>
        <source>Brankas — {office}</source>
        <translation>Brankas — {office}</translation>
    </message>
    <message>
        <source>Operator: {name} ({role})</source>
        <translation>Operator: {name} ({role})</translation>
    </message>
    <message>
        <source>{label} copied; the clipboard is cleared in {seconds} seconds.</source>
        <translation>{label} disalin; papan klip dikosongkan dalam {seconds} detik.</translation>
    </message>
    <message>
        <source>Clipboard cleared.</source>
        <translation>Papan klip dikosongkan.</translation>
    </message>
    <message>
        <source>Auto-lock in {m}:{s:02d}</source>
        <translation>Kunci otomatis dalam {m}:{s:02d}</translation>
    </message>
    <message>
        <source>Backup made: {name}</source>
        <translation>Cadangan dibuat: {name}</translation>
    </message>
    <message>
        <source>The vault is in order: the database, the audit chain ({count} events) and the key file all verified.</source>
        <translation>Brankas dalam keadaan baik: basis data, rantai log audit ({count} peristiwa), dan berkas kunci semuanya terverifikasi.</translation>
    </message>
    <message>
        <source>the database has damaged pages</source>
        <translation>basis data memiliki halaman yang rusak</translation>
    </message>
    <message>
        <source>the audit chain breaks at event #{seq}</source>
        <translation>rantai log audit terputus pada peristiwa #{seq}</translation>
    </message>
    <message>
        <source>a copy of the key file is damaged</source>
        <translation>salah satu salinan berkas kunci rusak</translation>
    </message>
    <message>
        <source>the database and the key file are out of step</source>
        <translation>basis data dan berkas kunci tidak selaras</translation>
    </message>
    <message>
        <source>Problems found: {list}. Restore a backup or ask your IT staff.</source>
        <translation>Ditemukan masalah: {list}. Pulihkan dari cadangan atau minta bantuan staf TI.</translation>
    </message>
    <message>
        <source>Check the vault</source>
        <translation>Periksa brankas</translation>
    </message>
    <message>
        <source>&amp;User manual</source>
        <translation>&amp;Panduan Pengguna</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>OK</source>
        <translation>Baik</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Perlu perhatian</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Direncanakan</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Belum ada</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Lengkap</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <source>still held by the committee after the term ended</source>
        <translation>masih dipegang panitia setelah masa tugas berakhir</translation>
    </message>
    <message>
        <source>no password on record</source>
        <translation>kata sandi belum tercatat</translation>
    </message>
    <message>
        <source>password not changed since it was handed back</source>
        <translation>kata sandi belum diganti sejak dikembalikan</translation>
    </message>
    <message>
        <source>a recovery link points to a person</source>
        <translation>ada jalur pemulihan yang mengarah ke perorangan</translation>
    </message>
    <message>
        <source>deactivation checklist not finished</source>
        <translation>daftar periksa penonaktifan belum selesai</translation>
    </message>
    <message>
        <source>a handover has no BAST number</source>
        <translation>ada serah terima tanpa nomor BAST</translation>
    </message>
    <message>
        <source>{count} handover(s) recorded</source>
        <translation>{count} serah terima tercatat</translation>
    </message>
    <message>
        <source>Click to create it.</source>
        <translation>Klik untuk membuatnya.</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Required for every kecamatan</source>
        <translation>Wajib untuk setiap kecamatan</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opsional</translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <source>Completeness</source>
        <translation>Kelengkapan</translation>
    </message>
    <message>
        <source>Which accounts and handover minutes each kecamatan has in a term. Click a cell to open its account, or to create one that is missing.</source>
        <translation>Akun dan berita acara serah terima yang dimiliki setiap kecamatan dalam suatu masa tugas. Klik sebuah sel untuk membuka akunnya, atau untuk membuat akun yang belum ada.</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Masa tugas:</translation>
    </message>
    <message>
        <source>Legend:</source>
        <translation>Keterangan:</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* wajib</translation>
    </message>
    <message>
        <source>No term is recorded yet. Add one on the Terms page.</source>
        <translation>Belum ada masa tugas yang tercatat. Tambahkan di halaman Masa Tugas.</translation>
    </message>
    <message>
        <source>{complete} of {total} kecamatan complete.</source>
        <translation>{complete} dari {total} kecamatan lengkap.</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Buat akun</translation>
    </message>
    <message>
        <source>No {platform} account is recorded for {kecamatan} in {term}. Create it now?</source>
        <translation>Belum ada akun {platform} yang tercatat untuk {kecamatan} pada {term}. Buat sekarang?</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Brankas</source>
        <translation>Brankas</translation>
    </message>
</context>
<context>
    <name>MyAccountBox</name>
    <message>
        <source>My account</source>
        <translation>Akun saya</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>Ganti kata sandi saya…</translation>
    </message>
    <message>
        <source>Remember me on this PC for {days} days (unlock without a password)</source>
        <translation>Ingat saya di PC ini selama {days} hari (buka tanpa kata sandi)</translation>
    </message>
    <message>
        <source>Only on a PC that nobody else uses. Managing operators and exports still ask for the password.</source>
        <translation>Gunakan hanya di PC yang tidak dipakai orang lain. Pengelolaan operator dan ekspor tetap meminta kata sandi.</translation>
    </message>
    <message>
        <source>Not available on this PC: there is no system password store (such as Windows Credential Manager or GNOME Keyring).</source>
        <translation>Tidak tersedia di PC ini: tidak ada penyimpanan kata sandi sistem (seperti Windows Credential Manager atau GNOME Keyring).</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Kata sandi diganti</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Kata sandi Anda telah diganti.</translation>
    </message>
</context>
<context>
    <name>NewPasswordForm</name>
    <message>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Ulangi kata sandi:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Kekuatan:</translation>
    </message>
    <message>
        <source>The passwords match.</source>
        <translation>Kedua kata sandi cocok.</translation>
    </message>
    <message>
        <source>Use at least {n} characters. A few unrelated words make a strong, memorable password.</source>
        <translation>Gunakan sedikitnya {n} karakter. Beberapa kata yang tidak saling berkaitan menghasilkan kata sandi yang kuat dan mudah diingat.</translation>
    </message>
    <message>
        <source>Too short: use at least {n} characters.</source>
        <translation>Terlalu pendek: gunakan sedikitnya {n} karakter.</translation>
    </message>
    <message>
        <source>Too easy to guess. Add another word or avoid names, dates and common words.</source>
        <translation>Terlalu mudah ditebak. Tambahkan satu kata lagi, atau hindari nama, tanggal, dan kata umum.</translation>
    </message>
    <message>
        <source>Type the password again to confirm it.</source>
        <translation>Ketik ulang kata sandi untuk mengonfirmasinya.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>OfficeBox</name>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Office profile…</source>
        <translation>Profil kantor…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <source>Office code:</source>
        <translation>Kode kantor:</translation>
    </message>
    <message>
        <source>not set yet</source>
        <translation>belum diisi</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Office profile</source>
        <translation>Profil kantor</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>Nama kantor:</translation>
    </message>
    <message>
        <source>Office code:</source>
        <translation>Kode kantor:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>Provinsi:</translation>
    </message>
    <message>
        <source>Region code:</source>
        <translation>Kode wilayah:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Alamat:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Kota:</translation>
    </message>
    <message>
        <source>Head of office:</source>
        <translation>Ketua:</translation>
    </message>
    <message>
        <source>Head&apos;s NIP:</source>
        <translation>NIP ketua:</translation>
    </message>
    <message>
        <source>Head of secretariat:</source>
        <translation>Kepala sekretariat:</translation>
    </message>
    <message>
        <source>Secretariat head&apos;s NIP:</source>
        <translation>NIP kepala sekretariat:</translation>
    </message>
    <message>
        <source>Needed for BAST numbers and the archive export.</source>
        <translation>Wajib untuk nomor BAST dan ekspor arsip.</translation>
    </message>
    <message>
        <source>For the BAST and other printed documents.</source>
        <translation>Untuk BAST dan dokumen cetak lainnya.</translation>
    </message>
    <message>
        <source>Printed on the BAST letterhead.</source>
        <translation>Dicetak pada kop surat BAST.</translation>
    </message>
    <message>
        <source>18 digits; spaces are allowed. It may stay empty.</source>
        <translation>18 angka; boleh memakai spasi. Boleh dikosongkan.</translation>
    </message>
    <message>
        <source>e.g. Bawaslu Kabupaten Buol</source>
        <translation>mis. Bawaslu Kabupaten Buol</translation>
    </message>
    <message>
        <source>e.g. BWS.BUOL</source>
        <translation>mis. BWS.BUOL</translation>
    </message>
    <message>
        <source>e.g. Sulawesi Tengah</source>
        <translation>mis. Sulawesi Tengah</translation>
    </message>
    <message>
        <source>e.g. 72.05 (optional)</source>
        <translation>mis. 72.05 (opsional)</translation>
    </message>
    <message>
        <source>e.g. Jl. Syarif Mansyur No. 10, Buol</source>
        <translation>mis. Jl. Syarif Mansyur No. 10, Buol</translation>
    </message>
    <message>
        <source>e.g. Buol</source>
        <translation>mis. Buol</translation>
    </message>
    <message>
        <source>Document language:</source>
        <translation>Bahasa dokumen:</translation>
    </message>
    <message>
        <source>Only an admin can change the office profile.</source>
        <translation>Hanya admin yang dapat mengubah profil kantor.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Which office does this vault belong to?</source>
        <translation>Brankas ini milik kantor mana?</translation>
    </message>
    <message>
        <source>e.g. BWS.BUOL (optional)</source>
        <translation>mis. BWS.BUOL (opsional)</translation>
    </message>
    <message>
        <source>e.g. Buol (optional)</source>
        <translation>mis. Buol (opsional)</translation>
    </message>
    <message>
        <source>The office code goes into BAST numbers and archive names. You can leave it and the city empty and complete them later in Settings.</source>
        <translation>Kode kantor dipakai dalam nomor BAST dan nama arsip. Kode dan kota boleh dikosongkan dan dilengkapi nanti di Pengaturan.</translation>
    </message>
    <message>
        <source>Folder for the new vault</source>
        <translation>Folder untuk brankas baru</translation>
    </message>
    <message>
        <source>The vault is kept in this folder. The default is fine for most offices; backups are made in a sub-folder automatically.</source>
        <translation>Brankas disimpan di folder ini. Pilihan bawaan sudah sesuai untuk sebagian besar kantor; cadangan dibuat otomatis di dalam subfolder.</translation>
    </message>
    <message>
        <source>Kind of office:</source>
        <translation>Jenis kantor:</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>Nama kantor:</translation>
    </message>
    <message>
        <source>Office code:</source>
        <translation>Kode kantor:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Kota:</translation>
    </message>
    <message>
        <source>Vault folder:</source>
        <translation>Folder brankas:</translation>
    </message>
    <message>
        <source>e.g. Bawaslu Provinsi Sulawesi Tengah</source>
        <translation>mis. Bawaslu Provinsi Sulawesi Tengah</translation>
    </message>
    <message>
        <source>e.g. Bawaslu Kabupaten Buol</source>
        <translation>mis. Bawaslu Kabupaten Buol</translation>
    </message>
    <message>
        <source>Type the office&apos;s name.</source>
        <translation>Ketik nama kantor.</translation>
    </message>
</context>
<context>
    <name>OpenExistingPage</name>
    <message>
        <source>Open an existing vault</source>
        <translation>Buka brankas yang sudah ada</translation>
    </message>
    <message>
        <source>Choose the folder that holds vault.db and vault.keys.</source>
        <translation>Pilih folder yang memuat berkas vault.db dan vault.keys.</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Folder brankas</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
</context>
<context>
    <name>OperatorsModel</name>
    <message>
        <source>{name} (you)</source>
        <translation>{name} (Anda)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Operator since</source>
        <translation>Operator sejak</translation>
    </message>
    <message>
        <source>Remembered on a PC</source>
        <translation>Diingat di PC</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <source>Operators</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Each person who uses Brankas has their own name and password. Removing someone replaces the vault key, so their old password no longer opens it.</source>
        <translation>Setiap orang yang memakai Brankas memiliki nama dan kata sandi sendiri. Menghapus seseorang akan mengganti kunci brankas sehingga kata sandi lamanya tidak dapat lagi membukanya.</translation>
    </message>
    <message>
        <source>Add operator…</source>
        <translation>Tambah operator…</translation>
    </message>
    <message>
        <source>Remove operator…</source>
        <translation>Hapus operator…</translation>
    </message>
    <message>
        <source>Make a new recovery kit…</source>
        <translation>Buat kit pemulihan baru…</translation>
    </message>
    <message>
        <source>Remove operator</source>
        <translation>Hapus operator</translation>
    </message>
    <message>
        <source>Remove {name}? The vault key is replaced so that {name}&apos;s password no longer opens the vault, and the passwords {name} could have seen are listed for changing. This cannot be undone.</source>
        <translation>Hapus {name}? Kunci brankas akan diganti sehingga kata sandi {name} tidak dapat lagi membuka brankas, dan kata sandi akun yang mungkin pernah dilihat {name} akan didaftar untuk diganti. Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>New recovery kit</source>
        <translation>Kit pemulihan baru</translation>
    </message>
    <message>
        <source>Make a new recovery kit? The printed kit in the safe stops working at once, so print the new one before closing it.</source>
        <translation>Buat kit pemulihan baru? Kit tercetak yang tersimpan di lemari besi langsung tidak berlaku, jadi cetak kit yang baru sebelum menutupnya.</translation>
    </message>
    <message>
        <source>Make a new kit</source>
        <translation>Buat kit baru</translation>
    </message>
</context>
<context>
    <name>OutcomesModel</name>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <source>Regency / city</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Masa tugas</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Last archive</source>
        <translation>Arsip terakhir</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Isi</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>lengkap</translation>
    </message>
    <message>
        <source>metadata only</source>
        <translation>metadata saja</translation>
    </message>
    <message>
        <source>{n} archive(s) of this term imported; the newest is shown.</source>
        <translation>{n} arsip untuk masa tugas ini telah diimpor; yang terbaru ditampilkan.</translation>
    </message>
</context>
<context>
    <name>PageAccessModel</name>
    <message>
        <source>Person</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Akses</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Dicabut</translation>
    </message>
    <message>
        <source>(not saved yet)</source>
        <translation>(belum disimpan)</translation>
    </message>
    <message>
        <source>(removed on saving)</source>
        <translation>(dicabut saat disimpan)</translation>
    </message>
</context>
<context>
    <name>PageTab</name>
    <message>
        <source>A Page is managed by people added on their own Facebook profiles. Keep at least two regency officials with full control; committee members get partial or task access and are removed at the term end.</source>
        <translation>Halaman dikelola oleh orang yang ditambahkan melalui profil Facebook masing-masing. Pastikan sedikitnya dua pejabat kabupaten/kota memegang kendali penuh; anggota panitia diberi akses sebagian atau akses tugas dan dicabut saat masa tugas berakhir.</translation>
    </message>
    <message>
        <source>or a name on Facebook</source>
        <translation>atau nama di Facebook</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Remove access</source>
        <translation>Cabut akses</translation>
    </message>
    <message>
        <source>Choose a person or type the name they use on Facebook.</source>
        <translation>Pilih orang atau ketik nama yang dipakainya di Facebook.</translation>
    </message>
</context>
<context>
    <name>PasswordEdit</name>
    <message>
        <source>Hide password</source>
        <translation>Sembunyikan kata sandi</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Tampilkan kata sandi</translation>
    </message>
</context>
<context>
    <name>PasswordGenerator</name>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Make another one</source>
        <translation>Buat yang lain</translation>
    </message>
    <message>
        <source>Random characters</source>
        <translation>Karakter acak</translation>
    </message>
    <message>
        <source>Passphrase (Indonesian words)</source>
        <translation>Frasa sandi (kata bahasa Indonesia)</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Panjang:</translation>
    </message>
    <message>
        <source>A–Z</source>
        <translation>A–Z</translation>
    </message>
    <message>
        <source>a–z</source>
        <translation>a–z</translation>
    </message>
    <message>
        <source>0–9</source>
        <translation>0–9</translation>
    </message>
    <message>
        <source>Symbols (!#$…)</source>
        <translation>Simbol (!#$…)</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>Karakter:</translation>
    </message>
    <message>
        <source>Avoid characters that look alike (0 O, 1 l I, 5 S …)</source>
        <translation>Hindari karakter yang mirip (0 O, 1 l I, 5 S …)</translation>
    </message>
    <message>
        <source>Words:</source>
        <translation>Jumlah kata:</translation>
    </message>
    <message>
        <source>Between words:</source>
        <translation>Pemisah kata:</translation>
    </message>
    <message>
        <source>Capital first letters</source>
        <translation>Huruf awal kapital</translation>
    </message>
    <message>
        <source>Add a digit</source>
        <translation>Tambahkan satu angka</translation>
    </message>
    <message>
        <source>About {bits} bits of randomness</source>
        <translation>Sekitar {bits} bit keacakan</translation>
    </message>
    <message>
        <source>Choose at least one kind of character.</source>
        <translation>Pilih sedikitnya satu jenis karakter.</translation>
    </message>
    <message>
        <source>Put a digit, a symbol or a space between the words, not a letter.</source>
        <translation>Gunakan angka, simbol, atau spasi sebagai pemisah kata, bukan huruf.</translation>
    </message>
    <message>
        <source>The length is outside what the generator makes.</source>
        <translation>Panjangnya di luar batas yang dapat dibuat.</translation>
    </message>
</context>
<context>
    <name>PasswordGeneratorDialog</name>
    <message>
        <source>Generate a password</source>
        <translation>Buat kata sandi</translation>
    </message>
    <message>
        <source>Use this password</source>
        <translation>Pakai kata sandi ini</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PasswordHistoryModel</name>
    <message>
        <source>Replaced</source>
        <translation>Diganti</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>PeopleChoiceModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Masa tugas</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Surel</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Committee members receive and return accounts; regency officials sign the handovers as parties, witnesses or “mengetahui”.</source>
        <translation>Anggota panitia menerima dan mengembalikan akun; pejabat kabupaten menandatangani serah terima sebagai pihak, saksi, atau “mengetahui”.</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Semua peran</translation>
    </message>
    <message>
        <source>Search names, positions, contacts (Ctrl+F)</source>
        <translation>Cari nama, jabatan, kontak (Ctrl+F)</translation>
    </message>
    <message>
        <source>Kecamatan:</source>
        <translation>Kecamatan:</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Masa tugas:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Peran:</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Tambah orang…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>All kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <source>All terms</source>
        <translation>Semua masa tugas</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} people.</source>
        <translation>Menampilkan {shown} dari {total} orang.</translation>
    </message>
    <message>
        <source>Delete a person</source>
        <translation>Hapus orang</translation>
    </message>
    <message>
        <source>Delete {name}? Use this only for someone entered by mistake: a person named in a handover or custody record stays.</source>
        <translation>Hapus {name}? Gunakan ini hanya untuk orang yang salah dimasukkan: orang yang tercantum dalam serah terima atau riwayat pemegang tetap tersimpan.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Add a person</source>
        <translation>Tambah orang</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambahkan</translation>
    </message>
    <message>
        <source>Edit a person</source>
        <translation>Ubah data orang</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>e.g. 0812-3456-7890</source>
        <translation>mis. 0812-3456-7890</translation>
    </message>
    <message>
        <source>e.g. name@example.go.id</source>
        <translation>mis. nama@contoh.go.id</translation>
    </message>
    <message>
        <source>18 digits, for civil servants</source>
        <translation>18 angka, untuk ASN</translation>
    </message>
    <message>
        <source>16 digits, from the identity card</source>
        <translation>16 angka, dari KTP</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Nama lengkap:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Peran:</translation>
    </message>
    <message>
        <source>Kecamatan:</source>
        <translation>Kecamatan:</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Masa tugas:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Jabatan:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telepon:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Surel:</translation>
    </message>
    <message>
        <source>NIP:</source>
        <translation>NIP:</translation>
    </message>
    <message>
        <source>NIK:</source>
        <translation>NIK:</translation>
    </message>
    <message>
        <source>Institution:</source>
        <translation>Instansi:</translation>
    </message>
    <message>
        <source>e.g. Kepala Subbagian</source>
        <translation>mis. Kepala Subbagian</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in the next version</source>
        <translation>Segera hadir pada versi berikutnya</translation>
    </message>
</context>
<context>
    <name>ProvinceKeyDialog</name>
    <message>
        <source>Province key for review archives</source>
        <translation>Kunci provinsi untuk arsip tinjauan</translation>
    </message>
    <message>
        <source>Paste the province&apos;s public key (the line that starts with age1), or choose the key file the province sent. Then compare the fingerprint below with the one in the province&apos;s letter.</source>
        <translation>Tempelkan kunci publik provinsi (baris yang diawali age1), atau pilih berkas kunci yang dikirim provinsi. Lalu cocokkan sidik jari di bawah dengan yang tercantum dalam surat provinsi.</translation>
    </message>
    <message>
        <source>The key now in use has the fingerprint {fp}. Replacing it is recorded in the audit log.</source>
        <translation>Kunci yang sekarang dipakai bersidik jari {fp}. Penggantiannya dicatat dalam log audit.</translation>
    </message>
    <message>
        <source>Choose key file…</source>
        <translation>Pilih berkas kunci…</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Sidik jari:</translation>
    </message>
    <message>
        <source>This fingerprint is the one in the province&apos;s letter</source>
        <translation>Sidik jari ini sama dengan yang tercantum dalam surat provinsi</translation>
    </message>
    <message>
        <source>Your admin password:</source>
        <translation>Kata sandi admin Anda:</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>Simpan kunci</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The province&apos;s key file</source>
        <translation>Berkas kunci provinsi</translation>
    </message>
    <message>
        <source>Province key files (*{ext} *.txt *.pub *.age);;All files (*)</source>
        <translation>Berkas kunci provinsi (*{ext} *.txt *.pub *.age);;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>RecoveryChain</name>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>This e-mail address belongs to a person, not the office.</source>
        <translation>Alamat surel ini milik perorangan, bukan milik kantor.</translation>
    </message>
    <message>
        <source>A free e-mail address whose owner is not recorded: make sure the office controls it.</source>
        <translation>Alamat surel gratis yang pemiliknya belum dicatat: pastikan kantor menguasainya.</translation>
    </message>
    <message>
        <source>Recovery e-mail</source>
        <translation>Surel pemulihan</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Belum dicatat</translation>
    </message>
    <message>
        <source>The SIM that receives the codes belongs to or is held by a person.</source>
        <translation>SIM yang menerima kode milik atau dipegang oleh perorangan.</translation>
    </message>
    <message>
        <source>SIM held by: {name}</source>
        <translation>SIM dipegang oleh: {name}</translation>
    </message>
    <message>
        <source>Recovery phone (SIM)</source>
        <translation>Nomor pemulihan (SIM)</translation>
    </message>
    <message>
        <source>Two-factor sign-in</source>
        <translation>Verifikasi dua langkah</translation>
    </message>
    <message>
        <source>Not turned on</source>
        <translation>Belum diaktifkan</translation>
    </message>
    <message>
        <source>Sign-in codes arrive on a person&apos;s own device.</source>
        <translation>Kode masuk diterima di perangkat milik perorangan.</translation>
    </message>
    <message>
        <source>Backup codes</source>
        <translation>Kode cadangan</translation>
    </message>
    <message>
        <source>{count} left</source>
        <translation>tersisa {count}</translation>
    </message>
    <message>
        <source>Made on {date}</source>
        <translation>Dibuat pada {date}</translation>
    </message>
    <message>
        <source>No backup codes are left: make new ones while you can still sign in.</source>
        <translation>Kode cadangan sudah habis: buat yang baru selagi masih bisa masuk.</translation>
    </message>
    <message>
        <source>Belongs to: {name}</source>
        <translation>Milik: {name}</translation>
    </message>
    <message>
        <source>Belongs to the office (an account recorded in Brankas)</source>
        <translation>Milik kantor (akun yang tercatat di Brankas)</translation>
    </message>
    <message>
        <source>Belongs to: {owner}</source>
        <translation>Milik: {owner}</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Use the recovery kit</source>
        <translation>Gunakan kit pemulihan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Open with the kit</source>
        <translation>Buka dengan kit</translation>
    </message>
    <message>
        <source>Type the 48 digits of the printed recovery kit for {folder}. Each group of six is checked as you type.</source>
        <translation>Ketik ke-48 angka dari kit pemulihan tercetak untuk {folder}. Setiap kelompok enam angka diperiksa saat Anda mengetik.</translation>
    </message>
    <message>
        <source>The kit opened the vault. Choose the admin whose password is reset and type a new password. The old kit stops working and a new one is made.</source>
        <translation>Kit berhasil membuka brankas. Pilih admin yang kata sandinya akan diatur ulang, lalu ketik kata sandi baru. Kit lama tidak berlaku lagi dan kit baru akan dibuat.</translation>
    </message>
    <message>
        <source>Admin:</source>
        <translation>Admin:</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>Simpan kata sandi baru</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>RecoveryKitDialog</name>
    <message>
        <source>New recovery kit</source>
        <translation>Kit pemulihan baru</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>RecoveryKitView</name>
    <message>
        <source>This is the vault&apos;s recovery kit. It is shown only now. Print it (or write it down) and keep it in the office safe: it opens the vault if every admin password is lost.</source>
        <translation>Ini adalah kit pemulihan brankas, dan hanya ditampilkan sekarang. Cetak (atau catat) lalu simpan di lemari besi kantor: kit ini dapat membuka brankas jika semua kata sandi admin hilang.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>A PDF file of the kit is as sensitive as the printed sheet: print it, then delete the file. Do not keep it on a shared PC or e-mail it.</source>
        <translation>Berkas PDF kit ini sama rahasianya dengan lembar cetaknya: cetak, lalu hapus berkasnya. Jangan menyimpannya di PC bersama atau mengirimnya lewat surel.</translation>
    </message>
    <message>
        <source>Print the recovery kit</source>
        <translation>Cetak kit pemulihan</translation>
    </message>
    <message>
        <source>The recovery kit was sent to the printer.</source>
        <translation>Kit pemulihan sudah dikirim ke pencetak.</translation>
    </message>
    <message>
        <source>Save the recovery kit as PDF</source>
        <translation>Simpan kit pemulihan sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Disimpan di {path}.</translation>
    </message>
</context>
<context>
    <name>RecoveryTab</name>
    <message>
        <source>Whoever controls these can take the account over. They should belong to the office, not to a committee member.</source>
        <translation>Siapa pun yang menguasai data ini dapat mengambil alih akun. Semuanya harus milik kantor, bukan milik anggota panitia.</translation>
    </message>
    <message>
        <source>e.g. panwascam.biau@bawaslu.go.id</source>
        <translation>mis. panwascam.biau@bawaslu.go.id</translation>
    </message>
    <message>
        <source>Recovery e-mail:</source>
        <translation>Surel pemulihan:</translation>
    </message>
    <message>
        <source>Belongs to:</source>
        <translation>Milik:</translation>
    </message>
    <message>
        <source>e.g. 0812-3456-7890</source>
        <translation>mis. 0812-3456-7890</translation>
    </message>
    <message>
        <source>Recovery phone (SIM):</source>
        <translation>Nomor pemulihan (SIM):</translation>
    </message>
    <message>
        <source>SIM held by:</source>
        <translation>SIM dipegang oleh:</translation>
    </message>
    <message>
        <source>Two-factor sign-in:</source>
        <translation>Verifikasi dua langkah:</translation>
    </message>
    <message>
        <source>e.g. office phone Samsung A14 (Humas)</source>
        <translation>mis. ponsel kantor Samsung A14 (Humas)</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Perangkat:</translation>
    </message>
    <message>
        <source>Backup codes:</source>
        <translation>Kode cadangan:</translation>
    </message>
    <message>
        <source>None recorded (add them on the secrets tab)</source>
        <translation>Belum dicatat (tambahkan di tab rahasia)</translation>
    </message>
    <message>
        <source>{count} left</source>
        <translation>tersisa {count}</translation>
    </message>
    <message>
        <source>made on {date}</source>
        <translation>dibuat pada {date}</translation>
    </message>
</context>
<context>
    <name>RegisterExportDialog</name>
    <message>
        <source>Export the account register</source>
        <translation>Ekspor daftar akun</translation>
    </message>
    <message>
        <source>The register lists every account with its kecamatan, platform, status, holder, dates and recovery details, for office reports and evaluation meetings. Passwords and other secrets are left out unless you include them below.</source>
        <translation>Daftar ini memuat setiap akun beserta kecamatan, platform, status, pemegang, tanggal, dan data pemulihannya, untuk laporan kantor dan rapat evaluasi. Kata sandi dan rahasia lainnya tidak disertakan kecuali Anda memilihnya di bawah.</translation>
    </message>
    <message>
        <source>All terms</source>
        <translation>Semua masa tugas</translation>
    </message>
    <message>
        <source>Term of office:</source>
        <translation>Masa tugas:</translation>
    </message>
    <message>
        <source>Language of the file:</source>
        <translation>Bahasa berkas:</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Buku kerja Excel (.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (.csv)</source>
        <translation>Berkas CSV (.csv)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Simpan sebagai:</translation>
    </message>
    <message>
        <source>Include passwords, authenticator keys, backup codes and notes</source>
        <translation>Sertakan kata sandi, kunci autentikator, kode cadangan, dan catatan</translation>
    </message>
    <message>
        <source>Warning: the file will hold every password, authenticator key, backup code and note in plain text. It is NOT encrypted: anyone who gets a copy of the file can read them all and sign in to every account. The export is recorded in the audit log.</source>
        <translation>Peringatan: berkas ini akan memuat setiap kata sandi, kunci autentikator, kode cadangan, dan catatan dalam teks biasa. Berkas ini TIDAK terenkripsi: siapa pun yang mendapat salinannya dapat membaca semuanya dan masuk ke setiap akun. Ekspor ini tercatat di log audit.</translation>
    </message>
    <message>
        <source>Safer: send the province the encrypted review archive (.brankas) instead. It holds the same data, and only the province&apos;s key opens it.</source>
        <translation>Lebih aman: kirimkan arsip evaluasi terenkripsi (.brankas) kepada Bawaslu Provinsi. Isinya sama, dan hanya kunci Bawaslu Provinsi yang dapat membukanya.</translation>
    </message>
    <message>
        <source>Your password again:</source>
        <translation>Kata sandi Anda sekali lagi:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the register as</source>
        <translation>Simpan daftar akun sebagai</translation>
    </message>
    <message>
        <source>Export with secrets</source>
        <translation>Ekspor beserta rahasia</translation>
    </message>
    <message>
        <source>Type your password again to export the secrets.</source>
        <translation>Ketik kata sandi Anda sekali lagi untuk mengekspor rahasia.</translation>
    </message>
    <message>
        <source>{rows} accounts with their secrets were written to {file}. The file is not encrypted: keep it safe and delete it when it is no longer needed.</source>
        <translation>{rows} akun beserta rahasianya telah ditulis ke {file}. Berkas ini tidak terenkripsi: simpan dengan aman dan hapus bila tidak diperlukan lagi.</translation>
    </message>
    <message>
        <source>{rows} accounts were written to {file}.</source>
        <translation>{rows} akun telah ditulis ke {file}.</translation>
    </message>
</context>
<context>
    <name>RekeyProgressDialog</name>
    <message>
        <source>Removing an operator</source>
        <translation>Menghapus operator</translation>
    </message>
    <message>
        <source>Removing {name} and replacing the vault key…</source>
        <translation>Menghapus {name} dan mengganti kunci brankas…</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>Membuat cadangan…</translation>
    </message>
    <message>
        <source>Sealing a new key for the remaining operators…</source>
        <translation>Menyegel kunci baru untuk operator yang tersisa…</translation>
    </message>
    <message>
        <source>Re-encrypting the vault…</source>
        <translation>Mengenkripsi ulang brankas…</translation>
    </message>
    <message>
        <source>Recording the change…</source>
        <translation>Mencatat perubahan…</translation>
    </message>
</context>
<context>
    <name>RepinDialog</name>
    <message>
        <source>The regency&apos;s signing key has changed</source>
        <translation>Kunci tanda tangan kabupaten/kota telah berganti</translation>
    </message>
    <message>
        <source>This archive from {office} is signed with a different key than the one on record. That happens when the regency made a new vault or lost its key, but it is also what a forged archive looks like. Accept the new key only if the regency&apos;s new signed letter states its fingerprint.</source>
        <translation>Arsip dari {office} ini ditandatangani dengan kunci yang berbeda dari kunci yang tercatat. Hal itu terjadi bila kabupaten/kota membuat brankas baru atau kehilangan kuncinya, tetapi arsip palsu juga tampak seperti ini. Terima kunci baru hanya bila surat bertanda tangan yang baru dari kabupaten/kota mencantumkan sidik jarinya.</translation>
    </message>
    <message>
        <source>Key on record:</source>
        <translation>Kunci yang tercatat:</translation>
    </message>
    <message>
        <source>New key:</source>
        <translation>Kunci baru:</translation>
    </message>
    <message>
        <source>The new fingerprint is the one in the regency&apos;s letter</source>
        <translation>Sidik jari baru sama dengan yang tercantum dalam surat kabupaten/kota</translation>
    </message>
    <message>
        <source>e.g. new vault after the PC was replaced; letter no. …</source>
        <translation>mis. brankas baru setelah PC diganti; surat nomor …</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Alasan:</translation>
    </message>
    <message>
        <source>Your admin password:</source>
        <translation>Kata sandi admin Anda:</translation>
    </message>
    <message>
        <source>Only an admin can accept a new key.</source>
        <translation>Hanya admin yang dapat menerima kunci baru.</translation>
    </message>
    <message>
        <source>Accept the new key and import</source>
        <translation>Terima kunci baru dan impor</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>TOTP secret</source>
        <translation>Rahasia TOTP</translation>
    </message>
    <message>
        <source>Backup codes</source>
        <translation>Kode cadangan</translation>
    </message>
    <message>
        <source>Reveal: {field}</source>
        <translation>Tampilkan: {field}</translation>
    </message>
    <message>
        <source>{field} of {platform} account {handle}, from the regency&apos;s archive. Revealing it is recorded in this vault&apos;s audit log with your reason.</source>
        <translation>{field} akun {platform} {handle}, dari arsip kabupaten/kota. Penampilannya dicatat dalam log audit brankas ini beserta alasan Anda.</translation>
    </message>
    <message>
        <source>e.g. checking rule 2 for the review report</source>
        <translation>mis. memeriksa aturan 2 untuk laporan tinjauan</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Alasan:</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>The archive holds no value for this field.</source>
        <translation>Arsip tidak memuat isian ini.</translation>
    </message>
    <message>
        <source>Close this window when you are done; the value is not kept.</source>
        <translation>Tutup jendela ini setelah selesai; nilainya tidak disimpan.</translation>
    </message>
</context>
<context>
    <name>ReviewAccountModel</name>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>on record</source>
        <translation>tercatat</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>tidak ada</translation>
    </message>
</context>
<context>
    <name>ReviewDetail</name>
    <message>
        <source>{office} ({code}) — {term}; archive exported {date}{meta}.</source>
        <translation>{office} ({code}) — {term}; arsip diekspor {date}{meta}.</translation>
    </message>
    <message>
        <source>, metadata only</source>
        <translation>, metadata saja</translation>
    </message>
</context>
<context>
    <name>ReviewKecamatanModel</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>(regency level)</source>
        <translation>(tingkat kabupaten/kota)</translation>
    </message>
</context>
<context>
    <name>ReviewModels</name>
    <message>
        <source>error</source>
        <translation>kesalahan</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>peringatan</translation>
    </message>
    <message>
        <source>note</source>
        <translation>catatan</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <source>← All regencies</source>
        <translation>← Semua kabupaten/kota</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Review report (PDF)…</source>
        <translation>Laporan tinjauan (PDF)…</translation>
    </message>
    <message>
        <source>No archives imported yet. Import them on the Regency archives page.</source>
        <translation>Belum ada arsip yang diimpor. Impor di halaman Arsip Kabupaten/Kota.</translation>
    </message>
    <message>
        <source>Findings of the eight review rules on each regency&apos;s newest archive, judged on {date}. Open a row to see its kecamatan and accounts.</source>
        <translation>Temuan delapan aturan pemeriksaan atas arsip terbaru setiap kabupaten/kota, dinilai per {date}. Buka satu baris untuk melihat kecamatan dan akunnya.</translation>
    </message>
    <message>
        <source>Report for this regency (PDF)…</source>
        <translation>Laporan kabupaten/kota ini (PDF)…</translation>
    </message>
    <message>
        <source>Save the review report</source>
        <translation>Simpan laporan tinjauan</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Review report</source>
        <translation>Laporan tinjauan</translation>
    </message>
    <message>
        <source>The report was saved ({pages} pages): {path}</source>
        <translation>Laporan telah disimpan ({pages} halaman): {path}</translation>
    </message>
</context>
<context>
    <name>RotationDialog</name>
    <message>
        <source>Change passwords</source>
        <translation>Ganti kata sandi</translation>
    </message>
    <message>
        <source>1. A new password</source>
        <translation>1. Kata sandi baru</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>The clipboard is cleared by itself after a few seconds.</source>
        <translation>Papan klip dikosongkan dengan sendirinya setelah beberapa detik.</translation>
    </message>
    <message>
        <source>2. Change it on the platform</source>
        <translation>2. Ganti di platformnya</translation>
    </message>
    <message>
        <source>Open the password page</source>
        <translation>Buka halaman kata sandi</translation>
    </message>
    <message>
        <source>Sign in with the current password (reveal it on the Accounts page), paste the new one, and sign out the other sessions if the platform offers it.</source>
        <translation>Masuk dengan kata sandi sekarang (tampilkan di halaman Akun), tempelkan kata sandi baru, dan akhiri sesi lain bila platform menyediakannya.</translation>
    </message>
    <message>
        <source>3. New backup codes (if the account uses them)</source>
        <translation>3. Kode cadangan baru (bila akun memakainya)</translation>
    </message>
    <message>
        <source>One code per line</source>
        <translation>Satu kode per baris</translation>
    </message>
    <message>
        <source>Save and go to the next</source>
        <translation>Simpan dan lanjut ke berikutnya</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Lewati dulu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Every account in this queue has a new password.</source>
        <translation>Semua akun dalam antrean ini sudah memiliki kata sandi baru.</translation>
    </message>
    <message>
        <source>The end of the queue: {count} skipped accounts still need a new password.</source>
        <translation>Akhir antrean: {count} akun yang dilewati masih memerlukan kata sandi baru.</translation>
    </message>
    <message>
        <source>Account {n} of {total} in the queue</source>
        <translation>Akun ke-{n} dari {total} dalam antrean</translation>
    </message>
    <message>
        <source>Change it in the provider&apos;s or device&apos;s own settings.</source>
        <translation>Ganti melalui pengaturan penyedia layanan atau perangkatnya sendiri.</translation>
    </message>
    <message>
        <source>I changed the password on {platform} to the new one.</source>
        <translation>Saya sudah mengganti kata sandi di {platform} dengan yang baru.</translation>
    </message>
    <message>
        <source>This account had backup codes, and the committee may know them. Make a new set on the platform (the old ones stop working) and paste it here.</source>
        <translation>Akun ini memiliki kode cadangan, dan panitia mungkin mengetahuinya. Buat kode baru di platformnya (kode lama tidak berlaku lagi) dan tempelkan di sini.</translation>
    </message>
    <message>
        <source>If the account uses two-step verification with backup codes, make a new set on the platform and paste it here. Otherwise leave this empty.</source>
        <translation>Bila akun memakai verifikasi dua langkah dengan kode cadangan, buat kode baru di platformnya dan tempelkan di sini. Bila tidak, biarkan kosong.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Kata sandi baru</translation>
    </message>
    <message>
        <source>Copied. Paste it on the platform&apos;s password page.</source>
        <translation>Tersalin. Tempelkan di halaman kata sandi platformnya.</translation>
    </message>
    <message>
        <source>The browser could not be opened. Type the address.</source>
        <translation>Peramban tidak dapat dibuka. Ketik alamatnya.</translation>
    </message>
    <message>
        <source>Saved: {handle} has its new password and left the queue.</source>
        <translation>Tersimpan: {handle} sudah memiliki kata sandi baru dan keluar dari antrean.</translation>
    </message>
</context>
<context>
    <name>RotationQueueModel</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Handed back</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <source>marked for a change</source>
        <translation>ditandai untuk diganti</translation>
    </message>
    <message>
        <source>{date} ({number})</source>
        <translation>{date} ({number})</translation>
    </message>
</context>
<context>
    <name>RotationTab</name>
    <message>
        <source>Every account handed back gets a new password at once: the committee knew the old one. The old password stays in the account&apos;s history. The queue is kept in the vault, so work can stop and continue later.</source>
        <translation>Setiap akun yang dikembalikan segera mendapat kata sandi baru: panitia mengetahui kata sandi lamanya. Kata sandi lama tetap tersimpan di riwayat akun. Antrean disimpan di brankas, sehingga pekerjaan dapat dihentikan dan dilanjutkan kemudian.</translation>
    </message>
    <message>
        <source>No account waits for a new password.</source>
        <translation>Tidak ada akun yang menunggu kata sandi baru.</translation>
    </message>
    <message>
        <source>Change passwords…</source>
        <translation>Ganti kata sandi…</translation>
    </message>
    <message>
        <source>Open the account</source>
        <translation>Buka akun</translation>
    </message>
</context>
<context>
    <name>RotationTasksDialog</name>
    <message>
        <source>Passwords to change</source>
        <translation>Kata sandi yang perlu diganti</translation>
    </message>
    <message>
        <source>{name} was removed and the vault key was replaced. {name} could have seen the passwords below: change them on each platform, starting with those the audit log shows they revealed or copied.</source>
        <translation>{name} telah dihapus dan kunci brankas telah diganti. {name} mungkin pernah melihat kata sandi di bawah ini: ganti kata sandi tersebut di setiap platform, dimulai dari yang menurut log audit pernah ditampilkan atau disalin olehnya.</translation>
    </message>
    <message>
        <source>{name} was removed and the vault key was replaced. No account passwords need changing.</source>
        <translation>{name} telah dihapus dan kunci brankas telah diganti. Tidak ada kata sandi akun yang perlu diganti.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>RotationTasksModel</name>
    <message>
        <source>Yes, per the audit log</source>
        <translation>Ya, menurut log audit</translation>
    </message>
    <message>
        <source>Could have</source>
        <translation>Mungkin</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Seen the password</source>
        <translation>Pernah melihat kata sandi</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <source>Signed BAST {number}</source>
        <translation>BAST bertanda tangan {number}</translation>
    </message>
    <message>
        <source>Attach the scan of the signed BAST (PDF, JPG or PNG, at most 20 MB). It is stored encrypted in the vault with its SHA-256, so a printed copy can be matched to it later.</source>
        <translation>Lampirkan pindaian BAST yang sudah ditandatangani (PDF, JPG, atau PNG, paling besar 20 MB). Pindaian disimpan terenkripsi di brankas beserta SHA-256-nya, sehingga salinan cetak dapat dicocokkan kemudian.</translation>
    </message>
    <message>
        <source>No scan is attached yet.</source>
        <translation>Belum ada pindaian yang dilampirkan.</translation>
    </message>
    <message>
        <source>Attach a scan…</source>
        <translation>Lampirkan pindaian…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Choose the scan of the signed BAST</source>
        <translation>Pilih pindaian BAST yang sudah ditandatangani</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Pindaian (*.pdf *.jpg *.jpeg *.png);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>{name} attached ({size}; SHA-256 {hash}…).</source>
        <translation>{name} terlampir ({size}; SHA-256 {hash}…).</translation>
    </message>
</context>
<context>
    <name>ScansModel</name>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ditambahkan</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>SecretsTab</name>
    <message>
        <source>Generate…</source>
        <translation>Buat…</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <source>Why it changes:</source>
        <translation>Alasan penggantian:</translation>
    </message>
    <message>
        <source>Paste the otpauth:// link or the key</source>
        <translation>Tempel tautan otpauth:// atau kuncinya</translation>
    </message>
    <message>
        <source>Authenticator key:</source>
        <translation>Kunci autentikator:</translation>
    </message>
    <message>
        <source>Remove the recorded authenticator key</source>
        <translation>Hapus kunci autentikator yang tercatat</translation>
    </message>
    <message>
        <source>One code per line; replaces the codes on record</source>
        <translation>Satu kode per baris; menggantikan kode yang tercatat</translation>
    </message>
    <message>
        <source>Backup codes:</source>
        <translation>Kode cadangan:</translation>
    </message>
    <message>
        <source>Show the notes on record</source>
        <translation>Tampilkan catatan yang tersimpan</translation>
    </message>
    <message>
        <source>Secret notes:</source>
        <translation>Catatan rahasia:</translation>
    </message>
    <message>
        <source>A password is on record; leave this empty to keep it.</source>
        <translation>Kata sandi sudah tercatat; biarkan kosong untuk mempertahankannya.</translation>
    </message>
    <message>
        <source>No password is on record yet.</source>
        <translation>Belum ada kata sandi yang tercatat.</translation>
    </message>
    <message>
        <source>A key is on record; paste a new one to replace it</source>
        <translation>Kunci sudah tercatat; tempel kunci baru untuk menggantinya</translation>
    </message>
    <message>
        <source>Codes are on record; paste new ones to replace them</source>
        <translation>Kode sudah tercatat; tempel kode baru untuk menggantinya</translation>
    </message>
    <message>
        <source>{digits} digits every {period} seconds</source>
        <translation>{digits} angka setiap {period} detik</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Tampilan</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <source>The language changes at once.</source>
        <translation>Bahasa langsung berganti.</translation>
    </message>
    <message>
        <source>Light or dark follows the system setting.</source>
        <translation>Mode terang atau gelap mengikuti pengaturan sistem.</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>Warna:</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Keamanan</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> menit</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> detik</translation>
    </message>
    <message>
        <source>Lock when the window is minimised</source>
        <translation>Kunci saat jendela diminimalkan</translation>
    </message>
    <message>
        <source>Lock after inactivity:</source>
        <translation>Kunci setelah tidak ada aktivitas selama:</translation>
    </message>
    <message>
        <source>Clear copied passwords after:</source>
        <translation>Hapus kata sandi yang disalin setelah:</translation>
    </message>
    <message>
        <source>Backups to keep:</source>
        <translation>Jumlah cadangan yang disimpan:</translation>
    </message>
</context>
<context>
    <name>StepEditDialog</name>
    <message>
        <source>Indonesian:</source>
        <translation>Bahasa Indonesia:</translation>
    </message>
    <message>
        <source>English:</source>
        <translation>Bahasa Inggris:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Very weak</source>
        <translation>Sangat lemah</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Lemah</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Cukup</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Kuat</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Sangat kuat</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Deactivation checklist steps</source>
        <translation>Langkah daftar periksa penonaktifan</translation>
    </message>
    <message>
        <source>The steps each account of a platform goes through after it is handed back. Changes apply to accounts handed back from now on; steps are switched off, never deleted. The final step (deactivate or keep) stays last.</source>
        <translation>Langkah-langkah yang dilalui setiap akun suatu platform setelah dikembalikan. Perubahan berlaku untuk akun yang dikembalikan mulai sekarang; langkah dimatikan, tidak pernah dihapus. Langkah terakhir (nonaktifkan atau pertahankan) tetap di urutan terakhir.</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Platform:</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Tambah…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Matikan</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>Hidupkan</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>Langkah baru</translation>
    </message>
    <message>
        <source>Edit step</source>
        <translation>Ubah langkah</translation>
    </message>
</context>
<context>
    <name>TemplateStepsModel</name>
    <message>
        <source>Step</source>
        <translation>Langkah</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Dipakai</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no (switched off)</source>
        <translation>tidak (dimatikan)</translation>
    </message>
</context>
<context>
    <name>TermChoiceModel</name>
    <message>
        <source>Term</source>
        <translation>Masa tugas</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Berakhir</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <source>Edit a term</source>
        <translation>Ubah masa tugas</translation>
    </message>
    <message>
        <source>Add a term</source>
        <translation>Tambah masa tugas</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambahkan</translation>
    </message>
    <message>
        <source>e.g. 123/HK.01.01/K.ST-05/04/2024</source>
        <translation>mis. 123/HK.01.01/K.ST-05/04/2024</translation>
    </message>
    <message>
        <source>Election:</source>
        <translation>Pemilihan:</translation>
    </message>
    <message>
        <source>Election year:</source>
        <translation>Tahun pemilihan:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <source>Leave empty to call it after the election and year.</source>
        <translation>Biarkan kosong agar dinamai menurut pemilihan dan tahunnya.</translation>
    </message>
    <message>
        <source>SK number:</source>
        <translation>Nomor SK:</translation>
    </message>
    <message>
        <source>SK date:</source>
        <translation>Tanggal SK:</translation>
    </message>
    <message>
        <source>Term starts:</source>
        <translation>Masa tugas mulai:</translation>
    </message>
    <message>
        <source>Term ends:</source>
        <translation>Masa tugas berakhir:</translation>
    </message>
    <message>
        <source>Planned and active accounts of the term whose period still follows the term move with its dates.</source>
        <translation>Akun yang direncanakan dan aktif dalam masa tugas ini, yang periodenya masih mengikuti masa tugas, ikut berpindah bersama tanggalnya.</translation>
    </message>
</context>
<context>
    <name>TermEndPage</name>
    <message>
        <source>Term end</source>
        <translation>Akhir Masa Tugas</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Masa tugas:</translation>
    </message>
    <message>
        <source>Take accounts back…</source>
        <translation>Terima kembali akun…</translation>
    </message>
    <message>
        <source>Continue kept accounts into a new term…</source>
        <translation>Lanjutkan akun yang dipertahankan ke masa tugas baru…</translation>
    </message>
    <message>
        <source>All terms</source>
        <translation>Semua masa tugas</translation>
    </message>
    <message>
        <source>Password changes ({count})</source>
        <translation>Ganti kata sandi ({count})</translation>
    </message>
    <message>
        <source>Deactivation checklists ({count})</source>
        <translation>Daftar periksa penonaktifan ({count})</translation>
    </message>
</context>
<context>
    <name>TermKecamatanModel</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>Masa tugas berakhir</translation>
    </message>
    <message>
        <source>Own end date</source>
        <translation>Tanggal sendiri</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (nonaktif)</translation>
    </message>
</context>
<context>
    <name>TermSummaryButton</name>
    <message>
        <source>Term summary…</source>
        <translation>Ringkasan masa tugas…</translation>
    </message>
    <message>
        <source>The term summary report: accounts per kecamatan, the completeness matrix and the review findings.</source>
        <translation>Laporan ringkasan masa tugas: akun per kecamatan, matriks kelengkapan, dan temuan tinjauan.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>Save the term summary as PDF</source>
        <translation>Simpan ringkasan masa tugas sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Tidak ada pencetak</translation>
    </message>
    <message>
        <source>No printer is set up on this PC. Save the term summary as a PDF file instead? It can be printed on another PC.</source>
        <translation>Belum ada pencetak yang terpasang di PC ini. Simpan ringkasan masa tugas sebagai berkas PDF saja? Berkas itu dapat dicetak di PC lain.</translation>
    </message>
    <message>
        <source>Print the term summary</source>
        <translation>Cetak ringkasan masa tugas</translation>
    </message>
    <message>
        <source>The term summary of {term} ({pages} pages) was sent to the printer.</source>
        <translation>Ringkasan masa tugas {term} ({pages} halaman) telah dikirim ke pencetak.</translation>
    </message>
    <message>
        <source>The term summary of {term} ({pages} pages) was saved: {path}</source>
        <translation>Ringkasan masa tugas {term} ({pages} halaman) telah disimpan: {path}</translation>
    </message>
</context>
<context>
    <name>TermsModel</name>
    <message>
        <source>Term</source>
        <translation>Masa tugas</translation>
    </message>
    <message>
        <source>Election</source>
        <translation>Pemilihan</translation>
    </message>
    <message>
        <source>SK number</source>
        <translation>Nomor SK</translation>
    </message>
    <message>
        <source>SK date</source>
        <translation>Tanggal SK</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Berakhir</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>{count} ({own} with their own end)</source>
        <translation>{count} ({own} dengan tanggal berakhir sendiri)</translation>
    </message>
</context>
<context>
    <name>TermsPage</name>
    <message>
        <source>Terms of office</source>
        <translation>Masa Tugas</translation>
    </message>
    <message>
        <source>A term (masa tugas) is formed by an SK for one election. Each kecamatan of a term ends on the term&apos;s end date unless it has its own.</source>
        <translation>Masa tugas dibentuk dengan SK untuk satu pemilihan. Setiap kecamatan dalam masa tugas berakhir pada tanggal berakhir masa tugas, kecuali kecamatan itu memiliki tanggal sendiri.</translation>
    </message>
    <message>
        <source>Add a term…</source>
        <translation>Tambah masa tugas…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Add kecamatan…</source>
        <translation>Tambah kecamatan…</translation>
    </message>
    <message>
        <source>Own end date…</source>
        <translation>Tanggal berakhir sendiri…</translation>
    </message>
    <message>
        <source>Remove from the term</source>
        <translation>Keluarkan dari masa tugas</translation>
    </message>
    <message>
        <source>Kecamatan of the term</source>
        <translation>Kecamatan dalam masa tugas</translation>
    </message>
    <message>
        <source>Kecamatan of {term} ({count})</source>
        <translation>Kecamatan dalam {term} ({count})</translation>
    </message>
    <message>
        <source>Delete a term</source>
        <translation>Hapus masa tugas</translation>
    </message>
    <message>
        <source>Delete the term {name}? Only a term without accounts, people or handovers can be deleted.</source>
        <translation>Hapus masa tugas {name}? Hanya masa tugas tanpa akun, orang, atau serah terima yang dapat dihapus.</translation>
    </message>
    <message>
        <source>Add kecamatan</source>
        <translation>Tambah kecamatan</translation>
    </message>
    <message>
        <source>Every kecamatan in use is already part of this term.</source>
        <translation>Semua kecamatan yang dipakai sudah termasuk dalam masa tugas ini.</translation>
    </message>
    <message>
        <source>Remove {kecamatan} from {term}? This is possible only while no account or person of the term belongs to it.</source>
        <translation>Keluarkan {kecamatan} dari {term}? Ini hanya dapat dilakukan selama belum ada akun atau orang dari masa tugas itu di kecamatan tersebut.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Keluarkan</translation>
    </message>
</context>
<context>
    <name>TotpWidget</name>
    <message>
        <source>Show the current code (recorded in the audit log)</source>
        <translation>Tampilkan kode saat ini (dicatat di log audit)</translation>
    </message>
    <message>
        <source>Copy the current code (Ctrl+T)</source>
        <translation>Salin kode saat ini (Ctrl+T)</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Belum dicatat</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} dtk</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Kesalahan tak terduga</translation>
    </message>
    <message>
        <source>Brankas ran into an unexpected problem. Work that was already saved is safe. If this happens again, copy the details below and send them to your IT staff; they contain no passwords or vault contents.</source>
        <translation>Brankas mengalami masalah yang tidak terduga. Pekerjaan yang sudah tersimpan tetap aman. Jika hal ini terulang, salin rincian di bawah lalu kirimkan kepada staf TI; rincian ini tidak memuat kata sandi ataupun isi brankas.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Salin rincian</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Tersalin</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>Brankas — unlock</source>
        <translation>Brankas — buka kunci</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Buka kunci brankas</translation>
    </message>
    <message>
        <source>Type your operator name and password.</source>
        <translation>Ketik nama operator dan kata sandi Anda.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <source>Vault:</source>
        <translation>Brankas:</translation>
    </message>
    <message>
        <source>Operator name:</source>
        <translation>Nama operator:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <source>Unlock with this PC’s key</source>
        <translation>Buka dengan kunci PC ini</translation>
    </message>
    <message>
        <source>Use recovery kit…</source>
        <translation>Gunakan kit pemulihan…</translation>
    </message>
    <message>
        <source>Create or open another vault…</source>
        <translation>Buat atau buka brankas lain…</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Pilih folder brankas</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>That is a file, not a folder. Choose a folder.</source>
        <translation>Itu berkas, bukan folder. Pilih sebuah folder.</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Pilih sebuah folder.</translation>
    </message>
</context>
<context>
    <name>_JobDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
</TS>
