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
        <source>An overview per kecamatan: which accounts exist, who holds them, and which terms are ending.</source>
        <translation>Ringkasan per kecamatan: akun apa saja yang ada, siapa yang memegangnya, dan masa tugas mana yang akan berakhir.</translation>
    </message>
    <message>
        <source>Every account with its password, recovery chain and history; reveal and copy are recorded.</source>
        <translation>Semua akun beserta kata sandi, rantai pemulihan, dan riwayatnya; setiap penampilan dan penyalinan dicatat.</translation>
    </message>
    <message>
        <source>The kecamatan of this regency and their committees.</source>
        <translation>Kecamatan di wilayah ini beserta Panwaslu Kecamatan-nya.</translation>
    </message>
    <message>
        <source>Terms of office (masa tugas) with their SK and end dates.</source>
        <translation>Masa tugas beserta SK dan tanggal berakhirnya.</translation>
    </message>
    <message>
        <source>Committee members and officials who receive and return accounts.</source>
        <translation>Anggota Panwaslu Kecamatan dan pejabat yang menerima serta mengembalikan akun.</translation>
    </message>
    <message>
        <source>Handovers (serah terima) with their BAST documents.</source>
        <translation>Serah terima beserta dokumen BAST-nya.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
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
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in the next version</source>
        <translation>Segera hadir pada versi berikutnya</translation>
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
    <name>RecoverySheet</name>
    <message>
        <source>Keep this sheet in the office safe. Do not photograph it, scan it or store it on a computer.</source>
        <translation>Simpan lembar ini di lemari besi kantor. Jangan memotret, memindai, atau menyimpannya di komputer.</translation>
    </message>
    <message>
        <source>Anyone holding this sheet can open the vault: treat it like the key to the safe itself.</source>
        <translation>Siapa pun yang memegang lembar ini dapat membuka brankas: perlakukan lembar ini seperti kunci lemari besi itu sendiri.</translation>
    </message>
    <message>
        <source>If every admin password is lost, open Brankas, choose “Use recovery kit” and type the 48 digits.</source>
        <translation>Jika semua kata sandi admin hilang, buka Brankas, pilih “Gunakan kit pemulihan”, lalu ketik ke-48 angkanya.</translation>
    </message>
    <message>
        <source>After the kit is used, Brankas prints a new one and this sheet stops working: destroy it.</source>
        <translation>Setelah kit digunakan, Brankas mencetak kit baru dan lembar ini tidak berlaku lagi: musnahkan lembar ini.</translation>
    </message>
    <message>
        <source>Brankas recovery kit</source>
        <translation>Kit Pemulihan Brankas</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Vault ID</source>
        <translation>ID brankas</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Kunci pemulihan</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Petunjuk</translation>
    </message>
    <message>
        <source>Stored by (name, signature):</source>
        <translation>Disimpan oleh (nama, tanda tangan):</translation>
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
