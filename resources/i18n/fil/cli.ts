<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fil">
<context>
    <name>Cli</name>
    <message>
        <source>daloy: warning: {message}</source>
        <translation>daloy: babala: {message}</translation>
    </message>
    <message>
        <source>Daloy runner {version} working on {where} (sample workflows: {samples})</source>
        <translation>Gumagana ang Daloy runner {version} sa {where} (mga sample na workflow: {samples})</translation>
    </message>
    <message>
        <source>Daloy runner {version} working on {where}</source>
        <translation>Gumagana ang Daloy runner {version} sa {where}</translation>
    </message>
    <message>
        <source>Daloy runner stopped.</source>
        <translation>Huminto ang Daloy runner.</translation>
    </message>
    <message>
        <source>No screen here (no DISPLAY): starting the headless runner instead. Use `xvfb-run -a daloy` for the window on a virtual screen.</source>
        <translation>Walang screen dito (walang DISPLAY): ang headless runner ang sisimulan. Gamitin ang `xvfb-run -a daloy` para sa window sa isang virtual screen.</translation>
    </message>
    <message>
        <source>The desktop window is not available in this build; starting the headless runner.</source>
        <translation>Walang desktop window sa build na ito; ang headless runner ang sisimulan.</translation>
    </message>
    <message>
        <source>The workflow “{name}” is archived and takes no orders.</source>
        <translation>Naka-archive ang workflow na “{name}” at hindi ito tumatanggap ng order.</translation>
    </message>
    <message>
        <source>The workflow “{name}” was saved with problems (a draft); check it with `daloy workflow validate`, fix it and import it again.</source>
        <translation>Na-save ang workflow na “{name}” nang may problema (draft); i-check ito gamit ang `daloy workflow validate`, ayusin at i-import ulit.</translation>
    </message>
    <message>
        <source>The workflow “{name}” is switched off; switch it on first (daloy workflow enable NAME).</source>
        <translation>Naka-off ang workflow na “{name}”; i-on muna ito (daloy workflow enable NAME).</translation>
    </message>
    <message>
        <source>Run {run} started; it will run when Daloy or `daloy runner` is running.</source>
        <translation>Nagsimula ang order {run}; tatakbo ito pag bukas ang Daloy o ang `daloy runner`.</translation>
    </message>
    <message>
        <source>Unknown status “{status}”; use one of: {states}.</source>
        <translation>Hindi kilalang status ang “{status}”; gamitin ang isa sa: {states}.</translation>
    </message>
    <message>
        <source>No runs match.</source>
        <translation>Walang tugmang order.</translation>
    </message>
    <message>
        <source>Could not write {file}: {problem}. Choose another file or folder.</source>
        <translation>Hindi maisulat ang {file}: {problem}. Pumili ng ibang file o folder.</translation>
    </message>
    <message>
        <source>Exported 1 order to {file}.</source>
        <translation>Na-export ang 1 order sa {file}.</translation>
    </message>
    <message>
        <source>Exported {count} orders to {file}.</source>
        <translation>Na-export ang {count} order sa {file}.</translation>
    </message>
    <message>
        <source>The stored record of run {run} is damaged (a saved value is not valid JSON), so it cannot be shown; nothing was changed. `daloy runs list` still lists it; restore the database from a backup to see its details.</source>
        <translation>Sira ang naka-save na talaan ng order {run} (may naka-save na value na hindi valid na JSON), kaya hindi ito maipakita; walang binago. Nakalista pa rin ito sa `daloy runs list`; i-restore ang database mula sa backup para makita ang detalye nito.</translation>
    </message>
    <message>
        <source>There is no run with id {run}.</source>
        <translation>Walang order na may id na {run}.</translation>
    </message>
    <message>
        <source>No backups in {folder} yet (`daloy backup create` takes one).</source>
        <translation>Wala pang backup sa {folder} (gumagawa ng isa ang `daloy backup create`).</translation>
    </message>
    <message>
        <source>Backups in {folder}, newest first:</source>
        <translation>Mga backup sa {folder}, pinakabago muna:</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>nasuri</translation>
    </message>
    <message>
        <source>NOT CHECKED OK</source>
        <translation>HINDI NASURING OK</translation>
    </message>
    <message>
        <source>This shop&apos;s database is on a server ({url}); back it up there with `pg_dump -Fc` (see the README, “Moving to PostgreSQL”).</source>
        <translation>Nasa server ang database ng shop na ito ({url}); doon ito i-backup gamit ang `pg_dump -Fc` (tingnan ang README, “Moving to PostgreSQL”).</translation>
    </message>
    <message>
        <source>Backed up to {path} ({size}, integrity check ok).</source>
        <translation>Na-backup sa {path} ({size}, ok ang integrity check).</translation>
    </message>
    <message>
        <source>Restored {backup} as a new workspace in {folder}, with taking in orders paused. Open it with `daloy --data-dir {folder}`.</source>
        <translation>Naibalik ang {backup} bilang bagong workspace sa {folder}, na naka-pause ang pagpasok ng mga order. Buksan ito gamit ang `daloy --data-dir {folder}`.</translation>
    </message>
    <message>
        <source>Restored {backup} into {folder}, with taking in orders paused (`daloy intake resume` takes them in again). What was there before is in {aside}.</source>
        <translation>Naibalik ang {backup} sa {folder}, na naka-pause ang pagpasok ng mga order (ang `daloy intake resume` ay muling nagpapapasok sa kanila). Nasa {aside} ang dating naroon.</translation>
    </message>
    <message>
        <source>Say where to restore: --to FOLDER (a new workspace) or --replace (this workspace, after a confirmation). Nothing was changed.</source>
        <translation>Sabihin kung saan ire-restore: --to FOLDER (bagong workspace) o --replace (ang workspace na ito, pagkatapos ng kumpirmasyon). Walang binago.</translation>
    </message>
    <message>
        <source>Replace the workspace in {folder} with {backup}? What is there now is kept in the backup folder.</source>
        <translation>Palitan ang workspace sa {folder} ng {backup}? Itatabi sa backup folder ang nandoon ngayon.</translation>
    </message>
    <message>
        <source>Not confirmed (answer y, or pass --yes); nothing was changed.</source>
        <translation>Hindi kinumpirma (sumagot ng y, o gamitin ang --yes); walang binago.</translation>
    </message>
    <message>
        <source>Order {run}: counted as done, not run again: {steps}. It goes on from there.</source>
        <translation>Order {run}: itinuring na tapos, hindi na pinatakbo muli: {steps}. Magpapatuloy ito mula roon.</translation>
    </message>
    <message>
        <source>Backups go to {folder}.</source>
        <translation>Napupunta ang mga backup sa {folder}.</translation>
    </message>
    <message>
        <source>Archived 1 finished order older than {days} days to {folder}.</source>
        <translation>Na-archive ang 1 tapos na order na mas luma sa {days} araw sa {folder}.</translation>
    </message>
    <message>
        <source>Archived {count} finished orders older than {days} days to {folder}.</source>
        <translation>Na-archive ang {count} tapos na order na mas luma sa {days} araw sa {folder}.</translation>
    </message>
    <message>
        <source>--compact is for a database file; a PostgreSQL server gives freed space back by itself (autovacuum).</source>
        <translation>Ang --compact ay para sa database file; ang PostgreSQL server mismo ang nagbabalik ng nabakanteng espasyo (autovacuum).</translation>
    </message>
    <message>
        <source>Daloy is running on this folder; quit it before --compact (it rewrites the whole database file).</source>
        <translation>Tumatakbo ang Daloy sa folder na ito; isara muna ito bago ang --compact (isinusulat nito ulit ang buong database file).</translation>
    </message>
    <message>
        <source>Compacted {path}; from now on the clean-up gives freed space back at once.</source>
        <translation>Na-compact ang {path}; mula ngayon, agad ibinabalik ng clean-up ang nabakanteng espasyo.</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 problema</translation>
    </message>
    <message>
        <source>{count} problems</source>
        <translation>{count} problema</translation>
    </message>
    <message>
        <source>daloy: {problem} (see: {command} --help)</source>
        <translation>daloy: {problem} (tingnan: {command} --help)</translation>
    </message>
    <message>
        <source>“{pair}” should look like key=value.</source>
        <translation>Dapat ganito ang itsura ng “{pair}”: key=value.</translation>
    </message>
    <message>
        <source>The port of connection “{name}” must be a whole number from 1 to 65535, not “{port}”.</source>
        <translation>Dapat buong numero mula 1 hanggang 65535 ang port ng koneksyon na “{name}”, hindi “{port}”.</translation>
    </message>
    <message>
        <source>Unknown kind “{kind}”; use one of: {kinds}.</source>
        <translation>Hindi kilalang uri ang “{kind}”; gamitin ang isa sa: {kinds}.</translation>
    </message>
    <message>
        <source>A {kind} connection has no secret “{secret}”.</source>
        <translation>Walang secret na “{secret}” ang koneksyon na {kind}.</translation>
    </message>
    <message>
        <source>{field} for {name} (hidden, empty to skip): </source>
        <translation>{field} para sa {name} (nakatago, blangko para i-skip): </translation>
    </message>
    <message>
        <source>Saved connection “{name}” (secret stored in the keyring).</source>
        <translation>Na-save ang koneksyon na “{name}” (nasa keyring ang secret).</translation>
    </message>
    <message>
        <source>Saved connection “{name}”.</source>
        <translation>Na-save ang koneksyon na “{name}”.</translation>
    </message>
    <message>
        <source>No connections yet: daloy connection add NAME --kind smtp --set host=...</source>
        <translation>Wala pang koneksyon: daloy connection add NAME --kind smtp --set host=...</translation>
    </message>
    <message>
        <source>{secret} saved</source>
        <translation>naka-save ang {secret}</translation>
    </message>
    <message>
        <source>{secret} missing</source>
        <translation>kulang ang {secret}</translation>
    </message>
    <message>
        <source>Removed connection “{name}” and its secrets.</source>
        <translation>Natanggal ang koneksyon na “{name}” at ang mga secret nito.</translation>
    </message>
    <message>
        <source>  error: {problem}</source>
        <translation>  error: {problem}</translation>
    </message>
    <message>
        <source>“{name}” was not published: it has {problems}; the live version is unchanged.</source>
        <translation>Hindi na-publish ang “{name}”: may {problems} ito; hindi nagbago ang live na version.</translation>
    </message>
    <message>
        <source>Published “{name}” as version {version}.</source>
        <translation>Na-publish ang “{name}” bilang version {version}.</translation>
    </message>
    <message>
        <source>“{name}” has no draft: the live version is all there is.</source>
        <translation>Walang draft ang “{name}”: ang live na version lang ang mayroon.</translation>
    </message>
    <message>
        <source>Draft of “{name}”, saved by {who} at {when}, from version {version}.</source>
        <translation>Draft ng “{name}”, na-save ni {who} noong {when}, mula sa version {version}.</translation>
    </message>
    <message>
        <source>Draft of “{name}”, saved by {who} at {when}, never published.</source>
        <translation>Draft ng “{name}”, na-save ni {who} noong {when}, hindi pa na-publish kahit minsan.</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>Mga pagbabago:</translation>
    </message>
    <message>
        <source>No changes from the live version.</source>
        <translation>Walang pagbabago mula sa live na version.</translation>
    </message>
    <message>
        <source>{problems} to fix before publishing.</source>
        <translation>{problems} na aayusin bago i-publish.</translation>
    </message>
    <message>
        <source>Ready to publish (daloy workflow publish NAME).</source>
        <translation>Handa nang i-publish (daloy workflow publish NAME).</translation>
    </message>
    <message>
        <source>“{name}” has not been published yet.</source>
        <translation>Hindi pa na-publish ang “{name}”.</translation>
    </message>
    <message>
        <source>Version {version} of “{name}” is now its draft; the live version runs on. Check it with `daloy workflow draft NAME`, then publish it.</source>
        <translation>Draft na ngayon ng “{name}” ang version {version}; tuloy ang live na version. I-check ito gamit ang `daloy workflow draft NAME`, saka i-publish.</translation>
    </message>
    <message>
        <source>The workflow “{workflow}” has no step “{step}” (its steps: {names}). Nothing was held.</source>
        <translation>Walang hakbang na “{step}” ang workflow na “{workflow}” (mga hakbang nito: {names}). Walang na-hold.</translation>
    </message>
    <message>
        <source>Hold {id} is on: {rule}. Release it with `daloy hold release {id}`.</source>
        <translation>Naka-on ang hold {id}: {rule}. I-release ito gamit ang `daloy hold release {id}`.</translation>
    </message>
    <message>
        <source>No holds are on.</source>
        <translation>Walang naka-on na hold.</translation>
    </message>
    <message>
        <source>No holds were ever made.</source>
        <translation>Wala pang hold na nagawa kahit kailan.</translation>
    </message>
    <message>
        <source>released by {who} {when}</source>
        <translation>ni-release ni {who} {when}</translation>
    </message>
    <message>
        <source>1 order held</source>
        <translation>1 order ang naka-hold</translation>
    </message>
    <message>
        <source>{count} orders held</source>
        <translation>{count} order ang naka-hold</translation>
    </message>
    <message>
        <source>#{id}  {rule}  (by {who} {when}; {state})</source>
        <translation>#{id}  {rule}  (ni {who} {when}; {state})</translation>
    </message>
    <message>
        <source>Hold {id} released: 1 order goes on, oldest first.</source>
        <translation>Na-release ang hold {id}: tuloy na ang 1 order, inuuna ang pinakaluma.</translation>
    </message>
    <message>
        <source>Hold {id} released: {count} orders go on, oldest first.</source>
        <translation>Na-release ang hold {id}: tuloy na ang {count} order, inuuna ang pinakaluma.</translation>
    </message>
    <message>
        <source>The inbox is empty: nothing needs you.</source>
        <translation>Walang laman ang inbox: walang kailangang gawin.</translation>
    </message>
    <message>
        <source>--input is the step&apos;s input as one JSON object (its settings with templates filled in), e.g. &apos;{&quot;to&quot;: &quot;ana@example.com&quot;}&apos;; see `daloy runs show RUN --json` (steps[].input).</source>
        <translation>Ang --input ay ang input ng hakbang bilang isang JSON object (ang mga setting nito na napunan na ang mga template), hal. &apos;{&quot;to&quot;: &quot;ana@example.com&quot;}&apos;; tingnan ang `daloy runs show RUN --json` (steps[].input).</translation>
    </message>
    <message>
        <source>The edited input does not fit step “{step}” (a {type} step): {problems}. Nothing was changed.</source>
        <translation>Hindi tugma ang binagong input sa hakbang na “{step}” (isang {type} na hakbang): {problems}. Walang binago.</translation>
    </message>
    <message>
        <source>{flag} goes with --action {action}, not with --action {other}.</source>
        <translation>Kasama ng --action {action} ang {flag}, hindi ng --action {other}.</translation>
    </message>
    <message>
        <source>--values is one JSON object of the fields filled in, e.g. &apos;{&quot;note&quot;: &quot;call the customer&quot;}&apos;.</source>
        <translation>Ang --values ay isang JSON object ng mga napunang field, hal. &apos;{&quot;note&quot;: &quot;call the customer&quot;}&apos;.</translation>
    </message>
    <message>
        <source>Inbox entry {item}: {said}</source>
        <translation>Inbox entry {item}: {said}</translation>
    </message>
    <message>
        <source>Inbox entry {item}: {action} done.</source>
        <translation>Inbox entry {item}: tapos na ang {action}.</translation>
    </message>
    <message>
        <source>Intake is PAUSED.</source>
        <translation>NAKA-PAUSE ang pagpasok ng order.</translation>
    </message>
    <message>
        <source>Intake is running.</source>
        <translation>Tuloy ang pagpasok ng order.</translation>
    </message>
    <message>
        <source>No intake channels have run yet.</source>
        <translation>Wala pang channel na tumakbo.</translation>
    </message>
    <message>
        <source>FAILING</source>
        <translation>PUMAPALYA</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>{channel} {kind} {state} last good {when}</source>
        <translation>{channel} {kind} {state} huling ok {when}</translation>
    </message>
    <message>
        <source>  last error: {error}</source>
        <translation>  huling error: {error}</translation>
    </message>
    <message>
        <source>Intake paused; running orders go on.</source>
        <translation>Naka-pause ang pagpasok ng order; tuloy ang mga tumatakbong order.</translation>
    </message>
    <message>
        <source>Intake resumed.</source>
        <translation>Tuloy ulit ang pagpasok ng order.</translation>
    </message>
    <message>
        <source>Imported and published “{name}” as version {version}.</source>
        <translation>Na-import at na-publish ang “{name}” bilang version {version}.</translation>
    </message>
    <message>
        <source>Imported and published “{name}” as version {version} (unchanged).</source>
        <translation>Na-import at na-publish ang “{name}” bilang version {version} (walang binago).</translation>
    </message>
    <message>
        <source>Imported “{name}” as a draft with {problems}; the live version is unchanged. Publish it with: daloy workflow publish NAME</source>
        <translation>Na-import ang “{name}” bilang draft na may {problems}; hindi nagbago ang live na version. I-publish ito gamit ang: daloy workflow publish NAME</translation>
    </message>
    <message>
        <source>Imported “{name}” as a draft; the live version is unchanged. Publish it with: daloy workflow publish NAME</source>
        <translation>Na-import ang “{name}” bilang draft; hindi nagbago ang live na version. I-publish ito gamit ang: daloy workflow publish NAME</translation>
    </message>
    <message>
        <source>{file} has {problems}, so “{name}” was kept as a draft and not published; the live version is unchanged.</source>
        <translation>May {problems} ang {file}, kaya itinabi ang “{name}” bilang draft at hindi na-publish; hindi nagbago ang live na version.</translation>
    </message>
    <message>
        <source>Exported “{name}” to {file}.</source>
        <translation>Na-export ang “{name}” sa {file}.</translation>
    </message>
    <message>
        <source>No workflows yet. Import one with: daloy workflow import FILE</source>
        <translation>Wala pang workflow. Mag-import ng isa gamit ang: daloy workflow import FILE</translation>
    </message>
    <message>
        <source>off</source>
        <translation>naka-off</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>naka-archive</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>hindi pa na-publish</translation>
    </message>
    <message>
        <source>{name}  {version}  {count} in progress</source>
        <translation>{name}  {version}  {count} tumatakbo</translation>
    </message>
    <message>
        <source>{file}: “{name}” is valid ({count} steps).</source>
        <translation>{file}: valid ang “{name}” ({count} hakbang).</translation>
    </message>
    <message>
        <source>“{name}” is archived; unarchive it first (daloy workflow unarchive NAME).</source>
        <translation>Naka-archive ang “{name}”; ilabas muna ito sa archive (daloy workflow unarchive NAME).</translation>
    </message>
    <message>
        <source>Workflow “{name}” switched on: it takes orders.</source>
        <translation>Na-on ang workflow na “{name}”: tumatanggap na ito ng order.</translation>
    </message>
    <message>
        <source>Workflow “{name}” switched off: it takes no new orders; runs in progress go on.</source>
        <translation>Na-off ang workflow na “{name}”: hindi na ito tatanggap ng bagong order; tuloy ang mga tumatakbo.</translation>
    </message>
    <message>
        <source>Workflow “{name}” archived: it takes no orders and its history is kept.</source>
        <translation>Na-archive ang workflow na “{name}”: hindi na ito tumatanggap ng order at itatabi ang kasaysayan nito.</translation>
    </message>
    <message>
        <source>Workflow “{name}” back from the archive, switched off.</source>
        <translation>Inilabas sa archive ang workflow na “{name}”, naka-off.</translation>
    </message>
    <message>
        <source>Workflow “{name}” removed.</source>
        <translation>Natanggal ang workflow na “{name}”.</translation>
    </message>
    <message>
        <source>The {what} holds a number too large to store; write it as text.</source>
        <translation>May numero sa {what} na masyadong malaki para i-save; isulat ito bilang text.</translation>
    </message>
    <message>
        <source>The {what} is nested too deeply; Daloy accepts at most {levels} levels.</source>
        <translation>Masyadong malalim ang pagkaka-nest ng {what}; hanggang {levels} level lang ang tinatanggap ng Daloy.</translation>
    </message>
    <message>
        <source>The {what} is not text (byte {byte} is not UTF-8); give a JSON file.</source>
        <translation>Hindi text ang {what} (hindi UTF-8 ang byte {byte}); magbigay ng JSON file.</translation>
    </message>
    <message>
        <source>The {what} is not valid JSON: {problem}.</source>
        <translation>Hindi valid na JSON ang {what}: {problem}.</translation>
    </message>
    <message>
        <source>{path} is a folder; give the {what} file.</source>
        <translation>Folder ang {path}; ibigay ang file ng {what}.</translation>
    </message>
    <message>
        <source>The {what} file {path} is larger than {size} MB.</source>
        <translation>Mas malaki sa {size} MB ang file ng {what} na {path}.</translation>
    </message>
    <message>
        <source>Cannot read the {what} file {path}: {problem}.</source>
        <translation>Hindi mabasa ang file ng {what} na {path}: {problem}.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows Credential Manager</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>macOS Keychain</translation>
    </message>
    <message>
        <source>the desktop keyring (GNOME Keyring or KWallet)</source>
        <translation>keyring ng desktop (GNOME Keyring o KWallet)</translation>
    </message>
    <message>
        <source>KWallet</source>
        <translation>KWallet</translation>
    </message>
    <message>
        <source>the desktop keyring (GNOME Keyring)</source>
        <translation>keyring ng desktop (GNOME Keyring)</translation>
    </message>
    <message>
        <source>Daloy cannot keep passwords safely on this computer: it has no password store (keyring) that Daloy can use, so connections that need a password or token, and webhooks, cannot work. On Linux, install or unlock GNOME Keyring or KWallet; on Windows or macOS, sign in to your user account normally. Then restart Daloy. On a test machine, your administrator can allow a plain-file store (see the README, “Credentials”).</source>
        <translation>Hindi ligtas na maitatago ng Daloy ang mga password sa computer na ito: walang password store (keyring) na magagamit ng Daloy, kaya hindi gagana ang mga koneksyong may password o token, at ang mga webhook. Sa Linux, i-install o i-unlock ang GNOME Keyring o KWallet; sa Windows o macOS, mag-sign in sa user account mo gaya ng dati. Saka i-restart ang Daloy. Sa isang test machine, puwedeng payagan ng administrator mo ang plain-file store (tingnan ang README, “Credentials”).</translation>
    </message>
    <message>
        <source>Daloy refuses to keep passwords here: the only password store on this computer is a plain file that anyone using the computer can read, so connections that need a password or token, and webhooks, cannot work. Install or unlock the computer&apos;s password store (GNOME Keyring or KWallet on Linux), then restart Daloy. On a test machine, your administrator can allow the plain file (see the README, “Credentials”).</source>
        <translation>Ayaw itago ng Daloy ang mga password dito: ang tanging password store sa computer na ito ay isang plain file na nababasa ng kahit sinong gumagamit ng computer, kaya hindi gagana ang mga koneksyong may password o token, at ang mga webhook. I-install o i-unlock ang password store ng computer (GNOME Keyring o KWallet sa Linux), saka i-restart ang Daloy. Sa isang test machine, puwedeng payagan ng administrator mo ang plain file (tingnan ang README, “Credentials”).</translation>
    </message>
    <message>
        <source>Passwords are kept in a plain file, as this computer is set up for testing: for a test machine only.</source>
        <translation>Nasa isang plain file ang mga password dahil naka-set up ang computer na ito para sa testing: para lang ito sa test machine.</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>keyring ng system</translation>
    </message>
    <message>
        <source>Passwords are kept in {store}.</source>
        <translation>Nasa {store} ang mga password.</translation>
    </message>
</context>
<context>
    <name>Shop</name>
    <message>
        <source>Choose the spreadsheet that holds your stock, or use the sample one.</source>
        <translation>Piliin ang spreadsheet na may stock mo, o gamitin ang sample.</translation>
    </message>
    <message>
        <source>no headings</source>
        <translation>walang heading</translation>
    </message>
    <message>
        <source>{file} has no column {missing} in its first row (it has: {have}). Daloy needs the columns {columns}: add them, or use the sample sheet.</source>
        <translation>Walang column na {missing} sa unang row ng {file} (ang mayroon: {have}). Kailangan ng Daloy ang mga column na {columns}: idagdag ang mga ito, o gamitin ang sample na sheet.</translation>
    </message>
    <message>
        <source>Found 1 product in {file} (columns {columns}).</source>
        <translation>May 1 produkto sa {file} (mga column {columns}).</translation>
    </message>
    <message>
        <source>Found {count} products in {file} (columns {columns}).</source>
        <translation>May {count} produkto sa {file} (mga column {columns}).</translation>
    </message>
    <message>
        <source>Type the web address Daloy posts each order to, starting with https:// (for example https://warehouse.example.com/orders).</source>
        <translation>I-type ang web address kung saan ipo-post ng Daloy ang bawat order, nagsisimula sa https:// (halimbawa https://warehouse.example.com/orders).</translation>
    </message>
    <message>
        <source>Each order to pack is posted to {address}.</source>
        <translation>Ipo-post sa {address} ang bawat order na iimpake.</translation>
    </message>
    <message>
        <source>“{address}” is not an email address; type the warehouse&apos;s, for example packing@shop.example.</source>
        <translation>Hindi email address ang “{address}”; i-type ang sa bodega, halimbawa packing@shop.example.</translation>
    </message>
    <message>
        <source>Emailing the warehouse needs an email account to send from. Go Back to the email page and fill it in (customers still get no email from Daloy), or choose another way to tell the warehouse.</source>
        <translation>Para ma-email ang bodega, kailangan ng email account na gagamitin sa pagpapadala. Bumalik sa page ng email at punan ito (wala pa ring email na matatanggap ang mga customer mula sa Daloy), o pumili ng ibang paraan para sabihan ang bodega.</translation>
    </message>
    <message>
        <source>Each order to pack is emailed to {address} (from the confirmation email).</source>
        <translation>Ie-email sa {address} ang bawat order na iimpake (mula sa email ng kumpirmasyon).</translation>
    </message>
    <message>
        <source>No warehouse system: you pack from the Orders page (the step that tells a warehouse is left out).</source>
        <translation>Walang system ang bodega: sa page ng Mga Order ka mag-iimpake (inalis ang hakbang na nagsasabi sa bodega).</translation>
    </message>
    <message>
        <source>Unknown way to tell the warehouse “{way}”; use one of {ways}.</source>
        <translation>Hindi kilalang paraan ng pagsabi sa bodega ang “{way}”; gamitin ang isa sa {ways}.</translation>
    </message>
    <message>
        <source>Unknown way to pay “{way}”; use one of {ways}.</source>
        <translation>Hindi kilalang paraan ng pagbayad “{way}”; gamitin ang isa sa {ways}.</translation>
    </message>
    <message>
        <source>“{step}” in “{workflow}”</source>
        <translation>“{step}” sa “{workflow}”</translation>
    </message>
    <message>
        <source>You have edited the workflows since an earlier setup, so steps your earlier answers left out are not put back: {steps}; add them in the workflow editor if you need them.</source>
        <translation>Binago mo ang mga workflow mula sa naunang setup, kaya hindi ibinabalik ang mga hakbang na inalis ng mga naunang sagot mo: {steps}; idagdag ang mga ito sa workflow editor kung kailangan mo.</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>The keyring is locked or unavailable, so the {field} of connection “{connection}” cannot be read ({why}). Unlock it, then retry.</source>
        <translation>Naka-lock o hindi magamit ang keyring, kaya hindi mabasa ang {field} ng koneksyong “{connection}” ({why}). I-unlock ito, saka i-retry.</translation>
    </message>
    <message>
        <source>Connection “{connection}” has no {field} saved. Open Connections, enter it, then retry this step.</source>
        <translation>Walang naka-save na {field} ang koneksyong “{connection}”. Buksan ang Mga Koneksyon, ilagay ito, saka i-retry ang hakbang na ito.</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>A Daloy runner (or the desktop app) is working on {folder}; stop it first, so the copy holds every order.</source>
        <translation>May Daloy runner (o ang desktop app) na gumagana sa {folder}; ihinto muna ito, para makuha ng kopya ang bawat order.</translation>
    </message>
    <message>
        <source>Copying {source} to {target} …</source>
        <translation>Kinokopya ang {source} sa {target} …</translation>
    </message>
    <message>
        <source>{n} NUL characters in stored text (PostgreSQL cannot hold them) were written as �.</source>
        <translation>Isinulat bilang � ang {n} NUL character sa naka-save na text (hindi ito kaya ng PostgreSQL).</translation>
    </message>
    <message>
        <source>Copied {total} rows in {tables} tables; counts and checksums match. {source} was left untouched. From now on start every Daloy of this shop with --database-url {target} (its password in the URL, or saved with `daloy store password`).</source>
        <translation>Nakopya ang {total} row sa {tables} table; tugma ang mga bilang at checksum. Hindi ginalaw ang {source}. Mula ngayon, simulan ang bawat Daloy ng shop na ito gamit ang --database-url {target} (nasa URL ang password nito, o naka-save gamit ang `daloy store password`).</translation>
    </message>
    <message>
        <source>A database file has no password; give a server URL.</source>
        <translation>Walang password ang isang database file; magbigay ng server URL.</translation>
    </message>
    <message>
        <source>Password of {user} at {where}: </source>
        <translation>Password ni {user} sa {where}: </translation>
    </message>
    <message>
        <source>Saved in this computer&apos;s keyring; use {url} without the password from now on.</source>
        <translation>Na-save sa keyring ng computer na ito; gamitin ang {url} nang walang password mula ngayon.</translation>
    </message>
</context>
</TS>
