; Inno Setup script for Daloy on Windows. Build after `python packaging\build.py`:
;   python packaging\windows\make_installer.py        (runs iscc; wine's ISCC.exe on Linux)
; or by hand: iscc /DAppVersion=0.1.0 packaging\windows\daloy.iss
; Output: dist\DaloySetup-<version>.exe. Everything a build machine differs in is a /D define
; with the real build's value as its default:
;   /DAppVersion=0.1.0           the version shown and in the file name
;   /DDistDir=<folder>           PyInstaller's one-folder app (holds daloy.exe)
;   /DOutputDir=<folder>         where DaloySetup-<version>.exe is written
;   /DAppExe=daloy.exe           the app's program (the Linux build's "daloy" when checked there)
;   /DCompression=lzma2/max      the tests pass a fast one (zip/1) to check the script quickly
; CI compiles it on Windows (.github/workflows/windows.yml); the test suite compiles it on Linux
; with the npm registry's Inno Setup under wine (tests/test_windows.py, tests/test_frozen.py).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\daloy"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef AppExe
  #define AppExe "daloy.exe"
#endif
#ifndef Compression
  #define Compression "lzma2/max"
#endif

[Setup]
AppId={{8B5C1E7A-3D2F-4B8E-9F1A-0DA10E000001}
AppName=Daloy
AppVersion={#AppVersion}
AppPublisher=Daloy
DefaultDirName={autopf}\Daloy
DefaultGroupName=Daloy
OutputDir={#OutputDir}
OutputBaseFilename=DaloySetup-{#AppVersion}
SetupIconFile=..\..\resources\icons\daloy.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression={#Compression}
SolidCompression=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern
; The app is 64-bit (PyInstaller on 64-bit Python): install it as such, on 64-bit Windows only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; A running Daloy holds its files: the installer asks to close it (it waits in the tray).
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked
Name: "startatlogin"; Description: "Start Daloy when I log in (it waits in the tray)"

[Files]
; The whole one-folder app; the build must exist (a missing daloy.exe stops the compile).
Source: "{#DistDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#DistDir}\*"; Excludes: "\{#AppExe}"; DestDir: "{app}"; \
  Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\Daloy"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall Daloy"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Daloy"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The same per-user Run key and value name the app's own switch uses (app/ui/autostart.py), so
; "Start Daloy when I log in" in the app shows and changes what the installer set.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "Daloy"; ValueData: """{app}\{#AppExe}"""; Flags: uninsdeletevalue; Tasks: startatlogin

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start Daloy now"; Flags: nowait postinstall skipifsilent

[Code]
{ The operator's data (orders, workflows, logs: %LOCALAPPDATA%\Daloy\Daloy, and the language
  choice beside it) lives in %LOCALAPPDATA%\Daloy and is kept on uninstall unless the operator
  asks for it to be removed. Secrets stay in Credential Manager under "daloy". }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\Daloy');
    if DirExists(DataDir) then
      if MsgBox('Also delete your Daloy data (orders, workflows, logs) in ' + DataDir + '?',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
