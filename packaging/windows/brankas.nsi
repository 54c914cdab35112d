; Brankas installer for Windows (NSIS 3, Unicode). See packaging/README.md.
;
; makensis -DVERSION=0.1.0 -DVERSION_QUAD=0.1.0.0 -DBUNDLE=<dist\brankas> -DOUTDIR=<dir> brankas.nsi
;   VERSION       the package version (from pyproject.toml via the package metadata)
;   VERSION_QUAD  the same as four numbers, for the Windows version resource
;   BUNDLE        the PyInstaller onedir folder (brankas.exe and _internal\)
;   OUTDIR        where Brankas-Setup-<VERSION>.exe is written
;   SIGN_COMMAND  optional: a command that Authenticode-signs "%1" (the installer and the
;                 uninstaller are signed with it); see "Code signing" in packaging/README.md
;
; Default: installed for the current user only, in %LOCALAPPDATA%\Programs\Brankas, with
; no administrator rights. "For all users" (or /ALLUSERS on the command line) installs in
; Program Files and asks for elevation. Silent: Brankas-Setup-x.y.z.exe /S [/ALLUSERS] [/D=dir]
; The uninstaller keeps the user's vaults (%LOCALAPPDATA%\Brankas) unless the user ticks
; the option to delete them.

Unicode true
ManifestDPIAware true
ManifestSupportedOS all
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "pass -DVERSION=x.y.z (the package version)"
!endif
!ifndef VERSION_QUAD
  !error "pass -DVERSION_QUAD=x.y.z.0"
!endif
!ifndef BUNDLE
  !error "pass -DBUNDLE=<the PyInstaller onedir folder>"
!endif
!ifndef OUTDIR
  !define OUTDIR "."
!endif

!define APP "Brankas"
!define EXE "brankas.exe"
!define PUBLISHER "Brankas developers"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Brankas"
!define SETTINGS_KEY "Software\Brankas\Installer"
!define ICON "..\..\resources\icons\app\brankas.ico"
!define ARCHIVE_PROGID "Brankas.Archive"
!define KEY_PROGID "Brankas.ProvinceKey"

Name "${APP}"
OutFile "${OUTDIR}\Brankas-Setup-${VERSION}.exe"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
BrandingText "${APP} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

!ifdef SIGN_COMMAND
  ; Signed after compilation: the uninstaller before it is packed into the installer,
  ; the installer last. A failing command fails the build.
  !uninstfinalize '${SIGN_COMMAND}' = 0
  !finalize '${SIGN_COMMAND}' = 0
!endif

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} ${VERSION} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "GNU GPL v3 or later"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "nsDialogs.nsh"
!include "x64.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT "HKCU"
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Language"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_UNCOMPONENTSPAGE_NODESC

Var AllUsers      ; 1: install for every user of the PC (Program Files, HKLM)
Var ScopeMine     ; the radio buttons of the scope page
Var ScopeAll

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\..\resources\licenses\Brankas.txt"
Page custom ScopePage ScopePageLeave
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; Indonesian first: the language most users read.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString ScopeTitle ${LANG_INDONESIAN} "Untuk siapa Brankas dipasang?"
LangString ScopeTitle ${LANG_ENGLISH} "Who is Brankas for?"
LangString ScopeText ${LANG_INDONESIAN} "Brankas milik setiap pengguna Windows disimpan di profilnya sendiri, apa pun pilihan ini."
LangString ScopeText ${LANG_ENGLISH} "Each Windows user's vaults stay in their own profile, whichever you choose."
LangString ScopeMine ${LANG_INDONESIAN} "Hanya untuk saya (tanpa hak administrator)"
LangString ScopeMine ${LANG_ENGLISH} "Just for me (no administrator rights needed)"
LangString ScopeAll ${LANG_INDONESIAN} "Untuk semua pengguna PC ini (perlu hak administrator)"
LangString ScopeAll ${LANG_ENGLISH} "For all users of this PC (needs administrator rights)"
LangString NeedAdmin ${LANG_INDONESIAN} "Windows akan meminta izin administrator untuk memasang bagi semua pengguna."
LangString NeedAdmin ${LANG_ENGLISH} "Windows will ask for administrator permission to install for all users."
LangString SecApp ${LANG_INDONESIAN} "Brankas"
LangString SecApp ${LANG_ENGLISH} "Brankas"
LangString SecDesktop ${LANG_INDONESIAN} "Pintasan di desktop"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecAssoc ${LANG_INDONESIAN} "Buka berkas .brankas dan .brankaskey dengan Brankas"
LangString SecAssoc ${LANG_ENGLISH} "Open .brankas and .brankaskey files with Brankas"
LangString UnSecData ${LANG_INDONESIAN} "Hapus juga brankas dan cadangan saya"
LangString UnSecData ${LANG_ENGLISH} "Also delete my vaults and backups"
LangString UnDataWarn ${LANG_INDONESIAN} "Brankas dan semua cadangannya di $LOCALAPPDATA\Brankas akan dihapus selamanya. Lanjutkan?"
LangString UnDataWarn ${LANG_ENGLISH} "The vaults and all their backups in $LOCALAPPDATA\Brankas will be deleted for good. Continue?"
LangString ArchiveType ${LANG_INDONESIAN} "Arsip tinjauan Brankas"
LangString ArchiveType ${LANG_ENGLISH} "Brankas review archive"
LangString KeyType ${LANG_INDONESIAN} "Kunci publik provinsi Brankas"
LangString KeyType ${LANG_ENGLISH} "Brankas province public key"
LangString Running ${LANG_INDONESIAN} "Tutup Brankas dulu, lalu klik Coba lagi."
LangString Running ${LANG_ENGLISH} "Close Brankas first, then click Retry."

; --- scope: current user or all users ---------------------------------------------------
!macro UseScope
  ${If} $AllUsers == 1
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
!macroend

Function .onInit
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    StrCpy $AllUsers 1
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/LANGID=" $R1
  ${IfNot} ${Errors}
    StrCpy $LANGUAGE $R1  ; the elevated restart keeps the language chosen before it
  ${ElseIfNot} ${Silent}
    !insertmacro MUI_LANGDLL_DISPLAY
  ${EndIf}
  ${If} $AllUsers == 1
    UserInfo::GetAccountType
    Pop $R2
    ${If} $R2 != "Admin"
      MessageBox MB_ICONSTOP "$(NeedAdmin)" /SD IDOK
      SetErrorLevel 740  ; ERROR_ELEVATION_REQUIRED
      Quit
    ${EndIf}
    StrCpy $INSTDIR "$PROGRAMFILES64\${APP}"
  ${EndIf}
  !insertmacro UseScope
FunctionEnd

Function ScopePage
  ${If} $AllUsers == 1
    Abort  ; already chosen (/ALLUSERS or the elevated restart)
  ${EndIf}
  !insertmacro MUI_HEADER_TEXT "$(ScopeTitle)" ""
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 24u "$(ScopeText)"
  Pop $0
  ${NSD_CreateRadioButton} 10u 30u 100% 12u "$(ScopeMine)"
  Pop $ScopeMine
  ${NSD_CreateRadioButton} 10u 46u 100% 12u "$(ScopeAll)"
  Pop $ScopeAll
  ${NSD_Check} $ScopeMine
  nsDialogs::Show
FunctionEnd

Function ScopePageLeave
  ${NSD_GetState} $ScopeAll $0
  ${If} $0 == ${BST_CHECKED}
    ; Start this installer again elevated for all users, and leave this one.
    MessageBox MB_OKCANCEL|MB_ICONINFORMATION "$(NeedAdmin)" IDOK +2
    Abort
    ExecShell "runas" "$EXEPATH" "/ALLUSERS /LANGID=$LANGUAGE"
    Quit
  ${EndIf}
FunctionEnd

; --- sections -----------------------------------------------------------------------------
Section "!$(SecApp)" SEC_APP
  SectionIn RO
  !insertmacro UseScope
  SetOutPath "$INSTDIR"
  ; A running Brankas locks its files: ask to close it rather than half-replace them.
  retry:
  ClearErrors
  Delete "$INSTDIR\${EXE}"
  ${If} ${Errors}
  ${AndIf} ${FileExists} "$INSTDIR\${EXE}"
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(Running)" /SD IDCANCEL IDRETRY retry
    Abort
  ${EndIf}
  RMDir /r "$INSTDIR\_internal"  ; an update replaces the whole bundle
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  ; Add/Remove Programs
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  ${If} $AllUsers == 1
    StrCpy $0 " /ALLUSERS"
  ${Else}
    StrCpy $0 ""
  ${EndIf}
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"$0'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S$0'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" $0
  WriteRegStr HKCU "${SETTINGS_KEY}" "AllUsers" "$AllUsers"
SectionEnd

Section "$(SecDesktop)" SEC_DESKTOP
  !insertmacro UseScope
  CreateShortCut "$DESKTOP\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

!macro Associate EXT PROGID DESCRIPTION
  WriteRegStr SHCTX "Software\Classes\${EXT}" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "${DESCRIPTION}"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
!macroend

!macro Unassociate EXT PROGID
  ReadRegStr $0 SHCTX "Software\Classes\${EXT}" ""
  ${If} $0 == "${PROGID}"  ; only when it is still ours
    DeleteRegValue SHCTX "Software\Classes\${EXT}" ""
  ${EndIf}
  DeleteRegValue SHCTX "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty SHCTX "Software\Classes\${EXT}\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\${EXT}"
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
!macroend

Section "$(SecAssoc)" SEC_ASSOC
  !insertmacro UseScope
  !insertmacro Associate ".brankas" "${ARCHIVE_PROGID}" "$(ArchiveType)"
  !insertmacro Associate ".brankaskey" "${KEY_PROGID}" "$(KeyType)"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd

; --- uninstaller --------------------------------------------------------------------------
Function un.onInit
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    StrCpy $AllUsers 1
  ${EndIf}
  !insertmacro UseScope
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "un.$(SecApp)" UN_SEC_APP
  SectionIn RO
  !insertmacro UseScope
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  !insertmacro Unassociate ".brankas" "${ARCHIVE_PROGID}"
  !insertmacro Unassociate ".brankaskey" "${KEY_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINST_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd

; Off by default: the vaults are the office's records, and an uninstall (or a reinstall)
; must never take them. In silent mode it stays off.
Section /o "un.$(UnSecData)" UN_SEC_DATA
  SetShellVarContext current  ; the vaults are in this user's profile, even after an all-users install
  MessageBox MB_YESNO|MB_ICONEXCLAMATION "$(UnDataWarn)" /SD IDNO IDYES +2
  Return
  RMDir /r "$LOCALAPPDATA\Brankas"
SectionEnd
