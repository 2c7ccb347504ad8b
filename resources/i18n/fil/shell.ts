<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fil">
<context>
    <name>App</name>
    <message>
        <source>Daloy is already running; its window was brought forward.</source>
        <translation>Tumatakbo na ang Daloy; inilabas na ang window nito.</translation>
    </message>
    <message>
        <source>Taking in orders is paused: the mailbox and marketplace channels would take in again the orders that came since the backup. Check them, then press “Resume intake” on the Intake health page.</source>
        <translation>Naka-pause ang pagpasok ng mga order: muling papasukin ng mga channel ng mailbox at marketplace ang mga order na dumating mula noong backup. Suriin muna ang mga ito, saka pindutin ang “Ituloy ang pagpasok” sa pahina ng Mga channel.</translation>
    </message>
    <message>
        <source>Backup put back</source>
        <translation>Naibalik ang backup</translation>
    </message>
    <message>
        <source>Backup not put back</source>
        <translation>Hindi naibalik ang backup</translation>
    </message>
    <message>
        <source>Daloy could not open its workspace ({what}); the details are in its log, in the data folder&apos;s “logs” folder. Nothing was changed.</source>
        <translation>Hindi mabuksan ng Daloy ang workspace nito ({what}); nasa log nito ang mga detalye, sa folder na “logs” ng data folder. Walang binago.</translation>
    </message>
    <message>
        <source>Daloy cannot start</source>
        <translation>Hindi makapagsimula ang Daloy</translation>
    </message>
    <message>
        <source>The newest good backup is from {when}. Put it back in place and start again? The damaged database is kept in the backup folder.</source>
        <translation>Ang pinakabagong maayos na backup ay mula {when}. Ibalik ito at magsimulang muli? Itatabi sa folder ng mga backup ang sirang database.</translation>
    </message>
    <message>
        <source>Put back and start again</source>
        <translation>Ibalik at magsimulang muli</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Isara ang Daloy</translation>
    </message>
</context>
<context>
    <name>ArchivedOrders</name>
    <message>
        <source>Also found in the archive ({count}) — narrow the search to see others</source>
        <translation>Nakita rin sa archive ({count}) — paliitin ang hanap para makita ang iba</translation>
    </message>
    <message>
        <source>Also found in the archive ({count})</source>
        <translation>Nakita rin sa archive ({count})</translation>
    </message>
    <message>
        <source>← Orders</source>
        <translation>← Mga Order</translation>
    </message>
    <message>
        <source>Order data:</source>
        <translation>Data ng order:</translation>
    </message>
    <message>
        <source>Archived order (read-only, archived {when}). It no longer runs; its record is kept in the archive files.</source>
        <translation>Naka-archive na order (basahin lang, na-archive {when}). Hindi na ito tumatakbo; nasa mga archive file ang talaan nito.</translation>
    </message>
    <message>
        <source>Archived order (read-only, archived by the clean-up). It no longer runs; its record is kept in the archive files.</source>
        <translation>Naka-archive na order (basahin lang, na-archive ng clean-up). Hindi na ito tumatakbo; nasa mga archive file ang talaan nito.</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Decisions</source>
        <translation>Mga desisyon</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Mga retry</translation>
    </message>
    <message>
        <source>Retries with changes</source>
        <translation>Mga retry na may binago</translation>
    </message>
    <message>
        <source>Skips</source>
        <translation>Mga skip</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Mga cancel</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Mga restart</translation>
    </message>
    <message>
        <source>Dismissed entries</source>
        <translation>Mga entry na isinara</translation>
    </message>
    <message>
        <source>Orders started</source>
        <translation>Mga order na sinimulan</translation>
    </message>
    <message>
        <source>Orders typed in</source>
        <translation>Mga order na ni-type</translation>
    </message>
    <message>
        <source>Practice runs</source>
        <translation>Mga practice run</translation>
    </message>
    <message>
        <source>Demo started</source>
        <translation>Sinimulan ang demo</translation>
    </message>
    <message>
        <source>Demo ended</source>
        <translation>Tinapos ang demo</translation>
    </message>
    <message>
        <source>First-run setup</source>
        <translation>Unang setup</translation>
    </message>
    <message>
        <source>Holds put on</source>
        <translation>Mga hold na inilagay</translation>
    </message>
    <message>
        <source>Holds released</source>
        <translation>Mga hold na ni-release</translation>
    </message>
    <message>
        <source>Waiting for a down system, changed</source>
        <translation>Binagong paghihintay sa system na down</translation>
    </message>
    <message>
        <source>Drafts saved</source>
        <translation>Mga draft na ni-save</translation>
    </message>
    <message>
        <source>Drafts discarded</source>
        <translation>Mga draft na itinapon</translation>
    </message>
    <message>
        <source>Workflows published</source>
        <translation>Mga workflow na ni-publish</translation>
    </message>
    <message>
        <source>Workflow versions saved</source>
        <translation>Mga bersyon ng workflow na ni-save</translation>
    </message>
    <message>
        <source>Workflows switched on</source>
        <translation>Mga workflow na ini-on</translation>
    </message>
    <message>
        <source>Workflows switched off</source>
        <translation>Mga workflow na ini-off</translation>
    </message>
    <message>
        <source>Workflows archived</source>
        <translation>Mga workflow na inilagay sa archive</translation>
    </message>
    <message>
        <source>Workflows brought back</source>
        <translation>Mga workflow na ibinalik mula sa archive</translation>
    </message>
    <message>
        <source>Workflows removed</source>
        <translation>Mga workflow na tinanggal</translation>
    </message>
    <message>
        <source>Connections saved</source>
        <translation>Mga koneksyong ni-save</translation>
    </message>
    <message>
        <source>Connections removed</source>
        <translation>Mga koneksyong tinanggal</translation>
    </message>
    <message>
        <source>Systems found down</source>
        <translation>Mga system na nakitang down</translation>
    </message>
    <message>
        <source>Systems still down</source>
        <translation>Mga system na down pa rin</translation>
    </message>
    <message>
        <source>Tries with one order</source>
        <translation>Mga subok gamit ang isang order</translation>
    </message>
    <message>
        <source>Systems back</source>
        <translation>Mga system na gumagana na ulit</translation>
    </message>
    <message>
        <source>Systems no longer watched</source>
        <translation>Mga system na hindi na binabantayan</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Subukan ngayon</translation>
    </message>
    <message>
        <source>Kept waiting</source>
        <translation>Mga pinili na maghintay pa</translation>
    </message>
    <message>
        <source>Every waiting order retried</source>
        <translation>Ni-retry ang lahat ng naghihintay na order</translation>
    </message>
    <message>
        <source>Who did what</source>
        <translation>Sino ang gumawa ng ano</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Kahit sino</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Kahit anong ginawa</translation>
    </message>
    <message>
        <source>Workflow…</source>
        <translation>Workflow…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kailan</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Sino</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Ano</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Tala</translation>
    </message>
    <message>
        <source>Nothing has been done by hand yet. Every retry, skip, decision and cancel is listed here with who did it and when.</source>
        <translation>Wala pang ginawa nang mano-mano. Nakalista dito ang bawat retry, skip, desisyon at cancel, kung sino ang gumawa at kailan.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>daily</source>
        <translation>araw-araw</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>mano-mano</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>bago mag-update</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>bago mag-restore</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>napalitan</translation>
    </message>
    <message>
        <source>Restored as a new workspace in {folder}. It is a separate copy, kept for looking things up: nothing in this workspace changed. Orders that were in progress in it are held and taking in orders is paused there, so opening it never does again what they already did. This window always works on this workspace. To open the copy, ask whoever set up Daloy on this computer for a second Daloy shortcut that opens that folder.</source>
        <translation>Naibalik bilang bagong workspace sa {folder}. Hiwalay itong kopya, nakatabi para may matingnan: walang nabago sa workspace na ito. Naka-hold doon ang mga order na tumatakbo pa noon at naka-pause ang pagpasok ng mga order, kaya ang pagbukas dito ay hindi na uulit sa mga nagawa na nila. Laging sa workspace na ito gumagana ang window na ito. Para buksan ang kopya, humingi sa nag-set up ng Daloy sa computer na ito ng pangalawang shortcut ng Daloy na nagbubukas sa folder na iyon.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Mga Backup</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Mag-backup ngayon</translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation>Palitan ang folder…</translation>
    </message>
    <message>
        <source>Restore as a new workspace…</source>
        <translation>I-restore bilang bagong workspace…</translation>
    </message>
    <message>
        <source>Put back in place…</source>
        <translation>Ibalik dito…</translation>
    </message>
    <message>
        <source>“Put back in place” makes this workspace what it was when the chosen backup was taken; Daloy restarts to do it, and what it replaces is kept in the backup folder. “Restore as a new workspace” makes a copy in another folder and changes nothing here.</source>
        <translation>Ibinabalik ng “Ibalik dito” ang workspace na ito sa kalagayan nito noong kinuha ang napiling backup; nagre-restart ang Daloy para gawin ito, at itinatabi sa folder ng mga backup ang papalitan nito. Gumagawa naman ng kopya sa ibang folder ang “I-restore bilang bagong workspace” at walang binabago rito.</translation>
    </message>
    <message>
        <source>Restore into a new, empty folder</source>
        <translation>I-restore sa bago at walang lamang folder</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Kinuha</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Bakit</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Laki</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Nasuri</translation>
    </message>
    <message>
        <source>Backups go to {folder}</source>
        <translation>Dito napupunta ang mga backup: {folder}</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>maayos</translation>
    </message>
    <message>
        <source>not ok</source>
        <translation>may problema</translation>
    </message>
    <message>
        <source>never</source>
        <translation>wala pa</translation>
    </message>
    <message>
        <source>No backup taken yet. Daloy takes one a day while it runs.</source>
        <translation>Wala pang backup. Nagba-backup ang Daloy isang beses sa isang araw habang tumatakbo ito.</translation>
    </message>
    <message>
        <source>Last backup: {when}, checked and complete.</source>
        <translation>Huling backup: {when}, nasuri at kumpleto.</translation>
    </message>
    <message>
        <source>The last backup failed ({when}): {error} Last good backup: {good}.</source>
        <translation>Pumalya ang huling backup ({when}): {error} Huling maayos na backup: {good}.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Nagba-backup…</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>Na-backup sa {path}.</translation>
    </message>
    <message>
        <source>Where should backups go?</source>
        <translation>Saan ilalagay ang mga backup?</translation>
    </message>
    <message>
        <source>Put this backup back?</source>
        <translation>Ibalik ang backup na ito?</translation>
    </message>
    <message>
        <source>Put the backup of {when} back in place of this workspace? Orders and changes made since then leave this workspace; they are kept in the backup folder, not deleted. Daloy restarts to do it, with taking in orders paused until you resume it.</source>
        <translation>Ibalik ang backup ng {when} kapalit ng workspace na ito? Aalis sa workspace na ito ang mga order at pagbabagong ginawa mula noon; itatabi ang mga ito sa folder ng mga backup, hindi buburahin. Magre-restart ang Daloy para gawin ito, at naka-pause ang pagpasok ng mga order hanggang ituloy mo ito.</translation>
    </message>
    <message>
        <source>Put back and restart</source>
        <translation>Ibalik at i-restart</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Sinusuri ang backup…</translation>
    </message>
    <message>
        <source>Daloy restarts to put the backup back…</source>
        <translation>Nagre-restart ang Daloy para ibalik ang backup…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Nire-restore…</translation>
    </message>
</context>
<context>
    <name>Connections</name>
    <message>
        <source>Email sending (SMTP)</source>
        <translation>Pagpapadala ng email (SMTP)</translation>
    </message>
    <message>
        <source>Email inbox (IMAP)</source>
        <translation>Inbox ng email (IMAP)</translation>
    </message>
    <message>
        <source>Web API</source>
        <translation>Web API</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Shopify shop</source>
        <translation>Shopify shop</translation>
    </message>
    <message>
        <source>WooCommerce shop</source>
        <translation>WooCommerce shop</translation>
    </message>
    <message>
        <source>Shopee shop</source>
        <translation>Shopee shop</translation>
    </message>
    <message>
        <source>Lazada shop</source>
        <translation>Lazada shop</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Mga Koneksyon</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Bagong koneksyon</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Pangalan</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Uri</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>I-save</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>I-test ang koneksyon</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Tanggalin</translation>
    </message>
    <message>
        <source>Web addresses</source>
        <translation>Mga web address</translation>
    </message>
    <message>
        <source> · {fields} missing</source>
        <translation> · kulang: {fields}</translation>
    </message>
    <message>
        <source>No connections yet.
Add your mail server,
payment gateway or marketplace
with “New connection”.</source>
        <translation>Wala pang koneksyon.
Idagdag ang mail server,
payment gateway o marketplace
mo sa “Bagong koneksyon”.</translation>
    </message>
    <message>
        <source>Give the connection a name first.</source>
        <translation>Bigyan muna ng pangalan ang koneksyon.</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>Na-save ang “{name}”.</translation>
    </message>
    <message>
        <source>Saving “{name}”…</source>
        <translation>Sine-save ang “{name}”…</translation>
    </message>
    <message>
        <source>“{name}” was not saved.</source>
        <translation>Hindi na-save ang “{name}”.</translation>
    </message>
    <message>
        <source>“{name}” was not removed.</source>
        <translation>Hindi natanggal ang “{name}”.</translation>
    </message>
    <message>
        <source>Daloy could not write to its database. Try again in a moment; the details say what the database answered.</source>
        <translation>Hindi makasulat ang Daloy sa database nito. Subukan ulit maya-maya; nasa detalye ang isinagot ng database.</translation>
    </message>
    <message>
        <source>new connection</source>
        <translation>bagong koneksyon</translation>
    </message>
    <message>
        <source>Testing “{name}”…</source>
        <translation>Tine-test ang “{name}”…</translation>
    </message>
    <message>
        <source>Remove connection?</source>
        <translation>Tanggalin ang koneksyon?</translation>
    </message>
    <message>
        <source>Remove “{name}” and its saved secrets?</source>
        <translation>Tanggalin ang “{name}” at ang mga naka-save na secret nito?</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>Alisin ito</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Panatilihin</translation>
    </message>
    <message>
        <source>Removed “{name}”.</source>
        <translation>Natanggal ang “{name}”.</translation>
    </message>
    <message>
        <source>Removing “{name}”…</source>
        <translation>Tinatanggal ang “{name}”…</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Last 7 days</source>
        <translation>Nakaraang 7 araw</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Nakaraang 30 araw</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Nakaraang 90 araw</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Nakaraang taon</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>mano-mano</translation>
    </message>
    <message>
        <source>No orders in this period. Practice runs and the demo&apos;s orders are not counted here.</source>
        <translation>Walang order sa panahong ito. Hindi binibilang dito ang mga practice run at ang mga order ng demo.</translation>
    </message>
    <message>
        <source>None in this period.</source>
        <translation>Wala sa panahong ito.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Orders per day, by channel</source>
        <translation>Mga order bawat araw, ayon sa channel</translation>
    </message>
    <message>
        <source>Steps that failed most</source>
        <translation>Mga hakbang na pinakamadalas pumalya</translation>
    </message>
    <message>
        <source>Systems that failed most</source>
        <translation>Mga system na pinakamadalas pumalya</translation>
    </message>
    <message>
        <source>Ran cleanly
{count}{share}</source>
        <translation>Tuloy-tuloy na natapos
{count}{share}</translation>
    </message>
    <message>
        <source>Needed a person
{count}{share}</source>
        <translation>Kinailangan ng tao
{count}{share}</translation>
    </message>
    <message>
        <source>Cancelled
{count}{share}</source>
        <translation>Na-cancel
{count}{share}</translation>
    </message>
    <message>
        <source>Time to resolve (median)
{time} · {count} answered</source>
        <translation>Tagal bago naayos (median)
{time} · {count} nasagot</translation>
    </message>
    <message>
        <source>Time to resolve (median)
nothing answered yet</source>
        <translation>Tagal bago naayos (median)
wala pang nasagot</translation>
    </message>
    <message>
        <source>Waiting on a person
{count}</source>
        <translation>Naghihintay sa tao
{count}</translation>
    </message>
    <message>
        <source>Waiting on a system
{count}</source>
        <translation>Naghihintay sa system
{count}</translation>
    </message>
    <message>
        <source>Click to see these orders.</source>
        <translation>I-click para makita ang mga order na ito.</translation>
    </message>
    <message>
        <source>Showing the {count} orders behind the dashboard&apos;s “{label}”. Change a filter to see every order.</source>
        <translation>Ipinapakita ang {count} order sa likod ng “{label}” ng dashboard. Baguhin ang isang filter para makita ang lahat ng order.</translation>
    </message>
</context>
<context>
    <name>DataKeys</name>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Pangalan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Mga item</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Kulang</translation>
    </message>
    <message>
        <source>Ships now if you backorder</source>
        <translation>Maipapadala ngayon kung i-backorder</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Kabuuan</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Halaga</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Tala</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Mga tala</translation>
    </message>
    <message>
        <source>Backorder of</source>
        <translation>Backorder ng</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Lagay</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Platform order id</source>
        <translation>ID ng order sa platform</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Shipping</translation>
    </message>
    <message>
        <source>Shipping address</source>
        <translation>Address para sa shipping</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>Ginawa noong</translation>
    </message>
    <message>
        <source>Updated at</source>
        <translation>Binago noong</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Orihinal na natanggap</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Pinagmulan</translation>
    </message>
    <message>
        <source>Sku</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Dami</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Dami</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Presyo</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkto</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Mga item</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Pangalan</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apelyido</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Kompanya</translation>
    </message>
    <message>
        <source>Address1</source>
        <translation>Address 1</translation>
    </message>
    <message>
        <source>Address2</source>
        <translation>Address 2</translation>
    </message>
    <message>
        <source>Address 1</source>
        <translation>Address 1</translation>
    </message>
    <message>
        <source>Address 2</source>
        <translation>Address 2</translation>
    </message>
    <message>
        <source>Full address</source>
        <translation>Buong address</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Bayan</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Lungsod</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Probinsya</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Probinsya</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Rehiyon</translation>
    </message>
    <message>
        <source>Zip</source>
        <translation>ZIP code</translation>
    </message>
    <message>
        <source>Zipcode</source>
        <translation>ZIP code</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Post code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Bansa</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Mula kay</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para kay</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Petsa</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Message ID</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teksto</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Mga header</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Mga attachment</translation>
    </message>
    <message>
        <source>Filename</source>
        <translation>Pangalan ng file</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Laki</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Uri ng file</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Lokasyon ng file</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Pangalan ng shop</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Imbentaryo</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Payment gateway</translation>
    </message>
    <message>
        <source>Warehouse webhook</source>
        <translation>Webhook ng bodega</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Mga value</translation>
    </message>
    <message>
        <source>Pay on delivery</source>
        <translation>Bayad pagdating (COD)</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Binayaran noong</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ngayon</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Sa susunod</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Handa na</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Kulang ang stock</translation>
    </message>
    <message>
        <source>All available</source>
        <translation>Kumpleto ang stock</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Nakita</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>Hinihingi</translation>
    </message>
    <message>
        <source>Ready total</source>
        <translation>Kabuuan ng handa na</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Mga row</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Bilang</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Listahan</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>An email inbox</source>
        <translation>Isang email inbox</translation>
    </message>
    <message>
        <source>Customers email their orders to a mailbox Daloy reads.</source>
        <translation>Ine-email ng mga customer ang order nila sa mailbox na binabasa ng Daloy.</translation>
    </message>
    <message>
        <source>A web order form</source>
        <translation>Isang web order form</translation>
    </message>
    <message>
        <source>Customers fill in an order form that Daloy serves.</source>
        <translation>Pinupunan ng mga customer ang order form na pinapatakbo ng Daloy.</translation>
    </message>
    <message>
        <source>A marketplace</source>
        <translation>Isang marketplace</translation>
    </message>
    <message>
        <source>Just try the demo</source>
        <translation>Subukan lang ang demo</translation>
    </message>
    <message>
        <source>Sample orders, nothing set up, nothing real contacted.</source>
        <translation>Mga sample na order, walang ise-set up, walang totoong kokontakin.</translation>
    </message>
    <message>
        <source>Welcome to Daloy</source>
        <translation>Maligayang pagdating sa Daloy</translation>
    </message>
    <message>
        <source>Daloy takes in your orders, checks stock, charges the customer and sends the confirmation, and asks you only when something needs a person. A few questions get your shop working; you can change every answer later.</source>
        <translation>Tinatanggap ng Daloy ang order, chine-check ang stock, sinisingil at kinukumpirma sa customer; tinatanong ka lang kapag kailangan ng tao. Ilang tanong para gumana ang shop mo; mababago mo ito mamaya.</translation>
    </message>
    <message>
        <source>as customers should read it in their emails</source>
        <translation>gaya ng dapat mabasa ng customer sa email nila</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Pangalan ng shop</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Not ready to set up yet? See Daloy at work on sample orders first: nothing real is charged, emailed or changed.</source>
        <translation>Hindi pa handang mag-set up? Panoorin muna ang Daloy sa mga sample na order: walang totoong sisingilin, ie-email o babaguhin.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Subukan ang demo</translation>
    </message>
    <message>
        <source>Type your shop&apos;s name: customers read it in their emails.</source>
        <translation>I-type ang pangalan ng shop mo: nababasa ito ng mga customer sa email nila.</translation>
    </message>
    <message>
        <source>“{currency}” is not a currency code; choose one from the list (for example PHP or USD).</source>
        <translation>Hindi currency code ang “{currency}”; pumili sa listahan (halimbawa PHP o USD).</translation>
    </message>
    <message>
        <source>{name}, prices in {currency}.</source>
        <translation>{name}, presyo sa {currency}.</translation>
    </message>
    <message>
        <source>Where do your orders come from?</source>
        <translation>Saan nanggagaling ang mga order mo?</translation>
    </message>
    <message>
        <source>Pick the way most orders reach you; you can add others later. Orders taken by phone or at the counter can always be typed in with “New order” on the Orders page.</source>
        <translation>Piliin kung paano dumarating ang karamihan ng order mo; puwede kang magdagdag ng iba mamaya. Ang mga order sa telepono o sa counter ay laging puwedeng i-type sa “Bagong order” sa page ng Mga Order.</translation>
    </message>
    <message>
        <source>Daloy serves an order form on this computer. Once set up, its address is under Connections ▸ Web addresses, where you can also let phones and computers on the shop&apos;s Wi-Fi use it. Nothing to test here.</source>
        <translation>Ang Daloy mismo ang nagpapatakbo ng order form sa computer na ito. Pag na-set up na, nasa Mga Koneksyon ▸ Mga web address ang address nito, kung saan mo rin mapapayagang gamitin ito ng mga phone at computer sa Wi-Fi ng tindahan. Walang ite-test dito.</translation>
    </message>
    <message>
        <source>The demo starts a few sample orders: one short of stock asks you what to do, one meets a payment service that is down. Nothing real is contacted.</source>
        <translation>Magsisimula ang demo ng ilang sample na order: ang isa ay kulang sa stock at itatanong sa iyo kung ano ang gagawin, ang isa ay aabutan ng down na payment service. Walang totoong kokontakin.</translation>
    </message>
    <message>
        <source>{title} — {words}</source>
        <translation>{title} — {words}</translation>
    </message>
    <message>
        <source>Where do you keep your stock?</source>
        <translation>Saan mo itinatala ang stock mo?</translation>
    </message>
    <message>
        <source>Daloy checks each order line against a spreadsheet (Excel or CSV) with the columns SKU, Stock and Price, and takes what ships off the stock.</source>
        <translation>Chine-check ng Daloy ang bawat linya ng order sa isang spreadsheet (Excel o CSV) na may mga column na SKU, Stock at Price, at ibinabawas sa stock ang naipapadala.</translation>
    </message>
    <message>
        <source>Use the sample stock sheet (five grocery products, to try things out)</source>
        <translation>Gamitin ang sample na stock sheet (limang grocery product, pang-subok)</translation>
    </message>
    <message>
        <source>Make a new stock sheet for me, in this folder:</source>
        <translation>Gawan ako ng bagong stock sheet, sa folder na ito:</translation>
    </message>
    <message>
        <source>Use my spreadsheet:</source>
        <translation>Gamitin ang spreadsheet ko:</translation>
    </message>
    <message>
        <source>Daloy makes “{file}” there with the columns SKU, Item, Stock and Price and no products; you fill in yours (one row each) before the first order.</source>
        <translation>Gagawa ang Daloy ng “{file}” doon na may mga column na SKU, Item, Stock at Price, wala pang product; ilagay mo ang mga product mo (isang row bawat isa) bago ang unang order.</translation>
    </message>
    <message>
        <source>e.g. C:/Shop/inventory.xlsx</source>
        <translation>hal. C:/Shop/inventory.xlsx</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pumili…</translation>
    </message>
    <message>
        <source>Your stock spreadsheet</source>
        <translation>Ang stock spreadsheet mo</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Mga spreadsheet (*.xlsx *.csv);;Lahat ng file (*)</translation>
    </message>
    <message>
        <source>Where Daloy makes your stock sheet</source>
        <translation>Kung saan gagawin ng Daloy ang stock sheet mo</translation>
    </message>
    <message>
        <source>Choose the folder Daloy makes your stock sheet in.</source>
        <translation>Piliin ang folder kung saan gagawin ng Daloy ang stock sheet mo.</translation>
    </message>
    <message>
        <source>Made {file} in {folder}: fill in your products there.</source>
        <translation>Nagawa ang {file} sa {folder}: ilagay doon ang mga product mo.</translation>
    </message>
    <message>
        <source>Ready to take orders</source>
        <translation>Handa nang tumanggap ng order</translation>
    </message>
    <message>
        <source>Press Finish to save the connections and switch on “Order fulfilment”. Passwords and tokens go to this computer&apos;s keyring, never into Daloy&apos;s files.</source>
        <translation>Pindutin ang Tapusin para i-save ang mga koneksyon at buksan ang “Order fulfilment”. Sa keyring ng computer na ito napupunta ang mga password at token, hindi kailanman sa mga file ng Daloy.</translation>
    </message>
    <message>
        <source>Set up your shop — Daloy</source>
        <translation>I-set up ang shop mo — Daloy</translation>
    </message>
    <message>
        <source>Which email confirms orders?</source>
        <translation>Aling email ang nagkukumpirma ng order?</translation>
    </message>
    <message>
        <source>Customers get an email saying what ships now and what later. Choose your email provider; the server is filled in for you.</source>
        <translation>Makakatanggap ang customer ng email na nagsasabi kung ano ang ipapadala ngayon at ano ang mamaya. Piliin ang email provider mo; pupunan na ang server para sa iyo.</translation>
    </message>
    <message>
        <source>Skip setup</source>
        <translation>I-skip ang setup</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Tapusin</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>hindi naka-set</translation>
    </message>
    <message>
        <source>Orders are paid on {platform}; Daloy charges nothing.</source>
        <translation>Sa {platform} binabayaran ang mga order; walang sinisingil ang Daloy.</translation>
    </message>
    <message>
        <source>Shop: {name}, prices in {currency}.</source>
        <translation>Shop: {name}, presyo sa {currency}.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(walang pangalan)</translation>
    </message>
    <message>
        <source>Orders come from: {where}; phone and walk-in orders with “New order”.</source>
        <translation>Galing ang mga order sa: {where}; ang mga order sa telepono at walk-in ay ita-type sa “Bagong order”.</translation>
    </message>
    <message>
        <source>Customers are charged through: {address}.</source>
        <translation>Sinisingil ang mga customer sa: {address}.</translation>
    </message>
    <message>
        <source>Shopee, Lazada, Shopify, WooCommerce or another shop system.</source>
        <translation>Shopee, Lazada, Shopify, WooCommerce o ibang shop system.</translation>
    </message>
    <message>
        <source>How do customers pay?</source>
        <translation>Paano nagbabayad ang mga customer?</translation>
    </message>
    <message>
        <source>Daloy can charge each order through your payment service&apos;s web API: enter its address and the API token it gave you; Next checks that it answers.</source>
        <translation>Masisingil ng Daloy ang bawat order sa web API ng payment service mo: ilagay ang address nito at ang API token na ibinigay nito; sa “Susunod”, titingnan ng Daloy kung sumasagot ito.</translation>
    </message>
    <message>
        <source>Customers pay on delivery or by bank transfer; Daloy charges nothing.</source>
        <translation>Nagbabayad ang mga customer pagdating ng order (COD) o sa bank transfer; walang sinisingil ang Daloy.</translation>
    </message>
    <message>
        <source>Customers get no email from Daloy: you tell them yourself.</source>
        <translation>Walang email na matatanggap ang mga customer mula sa Daloy: ikaw mismo ang magsasabi sa kanila.</translation>
    </message>
    <message>
        <source>Stock is read from a new sheet Daloy made: {file}. Fill in your products there (SKU, Item, Stock, Price) before the first order.</source>
        <translation>Binabasa ang stock mula sa bagong sheet na ginawa ng Daloy: {file}. Ilagay doon ang mga product mo (SKU, Item, Stock, Price) bago ang unang order.</translation>
    </message>
    <message>
        <source>Stock is read from: {file}.</source>
        <translation>Binabasa ang stock mula sa: {file}.</translation>
    </message>
    <message>
        <source>the sample stock sheet</source>
        <translation>ang sample na stock sheet</translation>
    </message>
    <message>
        <source>Confirmations are sent as: {sender}.</source>
        <translation>Ipinapadala ang mga kumpirmasyon bilang: {sender}.</translation>
    </message>
    <message>
        <source>Saving and switching on “Order fulfilment”…</source>
        <translation>Sine-save at binubuksan ang “Order fulfilment”…</translation>
    </message>
    <message>
        <source>✓ Your shop is set up: “Order fulfilment” takes orders now.</source>
        <translation>✓ Naka-set up na ang shop mo: tumatanggap na ng order ang “Order fulfilment”.</translation>
    </message>
    <message>
        <source>{problem} Go Back to fill in what is missing, or finish later under Workflows (the draft is kept).</source>
        <translation>{problem} Bumalik para punan ang kulang, o tapusin mamaya sa Mga Workflow (itatabi ang draft).</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Tine-check…</translation>
    </message>
    <message>
        <source>Through a payment service&apos;s web API:</source>
        <translation>Sa web API ng isang payment service:</translation>
    </message>
    <message>
        <source>Customers pay on delivery or by bank transfer (Daloy charges nothing)</source>
        <translation>Nagbabayad ang customer pagdating ng order (COD) o sa bank transfer (walang sinisingil ang Daloy)</translation>
    </message>
    <message>
        <source>Where to find them: in your payment service&apos;s dashboard (PayMongo, Xendit, Maya…), under Developers or API keys — its API address and a secret key.</source>
        <translation>Saan makikita: sa dashboard ng payment service mo (PayMongo, Xendit, Maya…), sa Developers o API keys — ang API address nito at isang secret key.</translation>
    </message>
    <message>
        <source>Orders from {platform} are paid on {platform}, so Daloy charges nothing for them. Choose a payment service only for orders you charge yourself.</source>
        <translation>Sa {platform} binabayaran ang mga order mula sa {platform}, kaya walang sinisingil ang Daloy para sa mga ito. Pumili lang ng payment service para sa mga order na ikaw mismo ang naniningil.</translation>
    </message>
    <message>
        <source>Email customers from this address:</source>
        <translation>I-email ang mga customer mula sa address na ito:</translation>
    </message>
    <message>
        <source>Don&apos;t email customers; I tell them myself</source>
        <translation>Huwag i-email ang mga customer; ako mismo ang magsasabi sa kanila</translation>
    </message>
    <message>
        <source>Daloy sends your customers nothing; the Orders page shows each order, so you can message them on Facebook, Viber or the marketplace. Leave the form above empty, unless the warehouse is told by email (next page): only that email is sent from it.</source>
        <translation>Walang ipapadala ang Daloy sa mga customer mo; makikita mo ang bawat order sa page ng Mga Order, para ma-message mo sila sa Facebook, Viber o sa marketplace. Iwanang blangko ang form sa itaas, maliban kung sa email sasabihan ang bodega (susunod na page): iyon lang ang email na ipapadala mula rito.</translation>
    </message>
    <message>
        <source>Post each order to the warehouse&apos;s web address:</source>
        <translation>I-post ang bawat order sa web address ng bodega:</translation>
    </message>
    <message>
        <source>Email each order to the warehouse (sent as the confirmation email):</source>
        <translation>I-email ang bawat order sa bodega (ipinapadala gamit ang email ng kumpirmasyon):</translation>
    </message>
    <message>
        <source>No warehouse system — skip this step (you pack from the Orders page)</source>
        <translation>Walang system ang bodega — i-skip ang hakbang na ito (sa page ng Mga Order ka mag-iimpake)</translation>
    </message>
    <message>
        <source>How is the warehouse told?</source>
        <translation>Paano malalaman ng bodega?</translation>
    </message>
    <message>
        <source>Once an order is confirmed, Daloy tells whoever packs it what to pack. Choose how; you can change it later in the workflow.</source>
        <translation>Pag kumpirmado na ang order, sasabihin ng Daloy sa mag-iimpake kung ano ang iimpake. Piliin kung paano; puwede mo itong baguhin mamaya sa workflow.</translation>
    </message>
    <message>
        <source>https://warehouse.example.com/orders</source>
        <translation>https://warehouse.example.com/orders</translation>
    </message>
    <message>
        <source>packing@shop.example</source>
        <translation>packing@shop.example</translation>
    </message>
    <message>
        <source>Shopee Open Platform ▸ App List ▸ your app: Partner ID and Partner key; then “Authorise the shop…” lets the shop&apos;s owner approve Daloy.</source>
        <translation>Shopee Open Platform ▸ App List ▸ ang app mo: Partner ID at Partner key; pagkatapos, sa “I-authorise ang shop…” papayagan ng may-ari ng shop ang Daloy.</translation>
    </message>
    <message>
        <source>Lazada Open Platform ▸ App Console ▸ your app: App key and App secret; then “Authorise the shop…” lets the seller approve Daloy.</source>
        <translation>Lazada Open Platform ▸ App Console ▸ ang app mo: App key at App secret; pagkatapos, sa “I-authorise ang shop…” papayagan ng seller ang Daloy.</translation>
    </message>
    <message>
        <source>Shopify admin ▸ Settings ▸ Apps ▸ Develop apps ▸ your app ▸ Admin API access token.</source>
        <translation>Shopify admin ▸ Settings ▸ Apps ▸ Develop apps ▸ ang app mo ▸ Admin API access token.</translation>
    </message>
    <message>
        <source>WordPress admin ▸ WooCommerce ▸ Settings ▸ Advanced ▸ REST API ▸ Add key: the consumer key and secret.</source>
        <translation>WordPress admin ▸ WooCommerce ▸ Settings ▸ Advanced ▸ REST API ▸ Add key: ang consumer key at secret.</translation>
    </message>
    <message>
        <source>Another shop system with a web API</source>
        <translation>Ibang shop system na may web API</translation>
    </message>
    <message>
        <source>Its web API&apos;s address and the token it gave you; its provider&apos;s help pages say where to find them.</source>
        <translation>Ang address ng web API nito at ang token na ibinigay nito sa iyo; sinasabi ng help pages ng provider nito kung saan makikita ang mga ito.</translation>
    </message>
    <message>
        <source>Which one?</source>
        <translation>Alin dito?</translation>
    </message>
    <message>
        <source>Where to find it: {where}</source>
        <translation>Saan makikita: {where}</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Email inbox</source>
        <translation>Inbox ng email</translation>
    </message>
    <message>
        <source>Web order form</source>
        <translation>Web order form</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Web address</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Iskedyul</translation>
    </message>
    <message>
        <source>Intake health</source>
        <translation>Kalagayan ng mga channel</translation>
    </message>
    <message>
        <source>Pause intake</source>
        <translation>I-pause ang pagpasok</translation>
    </message>
    <message>
        <source>Stop taking in new orders; orders already running go on.</source>
        <translation>Huwag munang tumanggap ng bagong order; tuloy ang mga order na tumatakbo na.</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Uri</translation>
    </message>
    <message>
        <source>Last good contact</source>
        <translation>Huling OK</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Huling problema</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Lagay</translation>
    </message>
    <message>
        <source>No intake channels yet: orders come in only when you type them in (Orders ▸ New order). To take orders from your email, your web order form or a marketplace, use Shop ▸ Set up my shop…</source>
        <translation>Wala pang channel ng order: papasok lang ang order kapag ikaw ang nag-type nito (Mga Order ▸ Bagong order). Para tumanggap ng order mula sa email mo, sa web order form mo o sa isang marketplace, gamitin ang Shop ▸ I-set up ang shop ko…</translation>
    </message>
    <message>
        <source>Resume intake</source>
        <translation>Ituloy ang pagpasok</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>naka-pause</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>pumapalya</translation>
    </message>
    <message>
        <source>working</source>
        <translation>gumagana</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Operator guide — Daloy</source>
        <translation>Gabay para sa operator — Daloy</translation>
    </message>
    <message>
        <source>The operator guide is missing from this installation ({path}: {error}). Install Daloy again to get it back.</source>
        <translation>Wala ang gabay para sa operator sa installation na ito ({path}: {error}). I-install ulit ang Daloy para bumalik ito.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Mga keyboard shortcut</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Ano</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Mga key</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Bersyon</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation>Mga password</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>About Daloy</source>
        <translation>Tungkol sa Daloy</translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation>{name}:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopyahin</translation>
    </message>
    <message>
        <source>Put these facts on the clipboard for whoever helps you.</source>
        <translation>Kopyahin ang mga ito para sa tutulong sa iyo.</translation>
    </message>
    <message>
        <source>Daloy runs your shop&apos;s orders; people touch only the exceptions.</source>
        <translation>Pinapatakbo ng Daloy ang mga order ng shop mo; tao lang ang kailangan kapag may problema o tanong.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Nakopya na</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Tulong</translation>
    </message>
    <message>
        <source>Operator guide</source>
        <translation>Gabay para sa operator</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Buksan ang data folder</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Buksan ang folder ng log</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Buksan ang folder</translation>
    </message>
    <message>
        <source>Daloy could not open the folder on this computer. It is here: {folder}</source>
        <translation>Hindi mabuksan ng Daloy ang folder sa computer na ito. Nandito ito: {folder}</translation>
    </message>
</context>
<context>
    <name>Holds</name>
    <message>
        <source>Hold orders like this</source>
        <translation>I-hold ang mga order na ganito</translation>
    </message>
    <message>
        <source>Matching orders stop before the step you choose — those waiting now and those that arrive — until you release the hold.</source>
        <translation>Titigil ang mga tugmang order bago ang hakbang na pipiliin mo — ang mga naghihintay ngayon at ang mga darating — hanggang i-release mo ang hold.</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(kahit ano)</translation>
    </message>
    <message>
        <source>only from {customer}</source>
        <translation>mula lang kay {customer}</translation>
    </message>
    <message>
        <source>any customer</source>
        <translation>kahit sinong customer</translation>
    </message>
    <message>
        <source>only orders of “{workflow}”</source>
        <translation>mga order lang ng “{workflow}”</translation>
    </message>
    <message>
        <source>their next step</source>
        <translation>ang susunod nilang hakbang</translation>
    </message>
    <message>
        <source>why, e.g. until restocked</source>
        <translation>bakit, hal. hanggang may stock ulit</translation>
    </message>
    <message>
        <source>Product (SKU)</source>
        <translation>Produkto (SKU)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Stop before</source>
        <translation>Itigil bago ang</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Tala</translation>
    </message>
    <message>
        <source>Hold these orders</source>
        <translation>I-hold ang mga order na ito</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Mga hold</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>I-release</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Isara</translation>
    </message>
    <message>
        <source>{rule}
1 order held · by {who}</source>
        <translation>{rule}
1 order ang naka-hold · ni {who}</translation>
    </message>
    <message>
        <source>{rule}
{count} orders held · by {who}</source>
        <translation>{rule}
{count} order ang naka-hold · ni {who}</translation>
    </message>
    <message>
        <source>No holds are on.</source>
        <translation>Walang naka-on na hold.</translation>
    </message>
    <message>
        <source>Released: 1 order goes on, oldest first.</source>
        <translation>Na-release: tuloy na ang 1 order, inuuna ang pinakaluma.</translation>
    </message>
    <message>
        <source>Released: {count} orders go on, oldest first.</source>
        <translation>Na-release: tuloy na ang {count} order, inuuna ang pinakaluma.</translation>
    </message>
    <message>
        <source>Hold orders like this…</source>
        <translation>I-hold ang mga ganitong order…</translation>
    </message>
    <message>
        <source>Release this hold</source>
        <translation>I-release ang hold na ito</translation>
    </message>
    <message>
        <source>Holds…</source>
        <translation>Mga hold…</translation>
    </message>
    <message>
        <source>Hold {id} is on: {rule}.</source>
        <translation>Naka-on ang hold {id}: {rule}.</translation>
    </message>
    <message>
        <source>Hold {id} released: 1 order goes on.</source>
        <translation>Na-release ang hold {id}: tuloy na ang 1 order.</translation>
    </message>
    <message>
        <source>Hold {id} released: {count} orders go on.</source>
        <translation>Na-release ang hold {id}: tuloy na ang {count} order.</translation>
    </message>
    <message>
        <source>Count as done</source>
        <translation>Ituring na tapos</translation>
    </message>
    <message>
        <source>Record the steps this order had already done before the backup was put back as done, instead of running them again.</source>
        <translation>Itala bilang tapos ang mga hakbang na nagawa na ng order na ito bago ibinalik ang backup, sa halip na patakbuhin muli.</translation>
    </message>
    <message>
        <source>Counted as done, not run again: {steps}. The order goes on from there.</source>
        <translation>Itinuring na tapos, hindi na pinatakbo muli: {steps}. Magpapatuloy ang order mula roon.</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>All open entries</source>
        <translation>Lahat ng bukas</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Mga desisyon</translation>
    </message>
    <message>
        <source>Failed steps</source>
        <translation>Mga pumalyang hakbang</translation>
    </message>
    <message>
        <source>Unreadable orders</source>
        <translation>Mga order na hindi mabasa</translation>
    </message>
    <message>
        <source>Channels down</source>
        <translation>Mga channel na down</translation>
    </message>
    <message>
        <source>Systems down</source>
        <translation>Mga system na down</translation>
    </message>
    <message>
        <source>Daloy alerts</source>
        <translation>Mga alerto ng Daloy</translation>
    </message>
    <message>
        <source>Needs you</source>
        <translation>Kailangan ka</translation>
    </message>
    <message>
        <source>Ctrl+click or Shift+click to select several entries and act on them at once.</source>
        <translation>Ctrl+click o Shift+click para pumili ng ilan at asikasuhin nang sabay-sabay.</translation>
    </message>
    <message>
        <source>All clear: nothing needs you right now. Daloy keeps working and will tell you when something does.</source>
        <translation>Ayos lahat: walang kailangan sa iyo ngayon. Tuloy ang trabaho ng Daloy at sasabihan ka nito kapag may kailangan.</translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation>Order {order}</translation>
    </message>
</context>
<context>
    <name>InboxEntry</name>
    <message>
        <source>Nothing selected.

When an order needs you, it appears on the left: a step that failed after its retries, a decision to make, or an order that could not be read.</source>
        <translation>Walang napili.

Kapag may order na kailangan ka, lalabas ito sa kaliwa: isang hakbang na pumalya kahit na-retry na, isang desisyong kailangang gawin, o isang order na hindi mabasa.</translation>
    </message>
    <message>
        <source>since {time}</source>
        <translation>mula {time}</translation>
    </message>
    <message>
        <source>Resolved by {who} {time}.</source>
        <translation>Inayos ni {who} {time}.</translation>
    </message>
    <message>
        <source>Open the decision</source>
        <translation>Buksan ang desisyon</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Isara</translation>
    </message>
    <message>
        <source>Dismissed.</source>
        <translation>Naisara na.</translation>
    </message>
    <message>
        <source>Select all {n} waiting on the same system</source>
        <translation>Piliin ang {n} na naghihintay sa parehong system</translation>
    </message>
    <message>
        <source>Select all {n} waiting on the payment service</source>
        <translation>Piliin ang {n} na naghihintay sa payment service</translation>
    </message>
    <message>
        <source>The order</source>
        <translation>Ang order</translation>
    </message>
    <message>
        <source>Show the whole order</source>
        <translation>Ipakita ang buong order</translation>
    </message>
    <message>
        <source>Technical detail</source>
        <translation>Teknikal na detalye</translation>
    </message>
    <message>
        <source>Overdue since {time}</source>
        <translation>Lampas na sa oras mula {time}</translation>
    </message>
    <message>
        <source>Please decide by {time}</source>
        <translation>Magdesisyon hanggang {time}</translation>
    </message>
    <message>
        <source>{order} goes on: you chose “{option}”.</source>
        <translation>Tuloy ang {order}: pinili mo ang “{option}”.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>I-retry</translation>
    </message>
    <message>
        <source>{order} is running again.</source>
        <translation>Tumatakbo ulit ang {order}.</translation>
    </message>
    <message>
        <source>Retry with changes…</source>
        <translation>I-retry na may babaguhin…</translation>
    </message>
    <message>
        <source>Skip with this result…</source>
        <translation>I-skip gamit ang resultang ito…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>I-cancel ang order…</translation>
    </message>
    <message>
        <source>Restart from</source>
        <translation>Simulan ulit mula sa</translation>
    </message>
    <message>
        <source>{order} starts again from “{step}”.</source>
        <translation>Magsisimula ulit ang {order} mula sa “{step}”.</translation>
    </message>
    <message>
        <source>{order} is running again with your changes.</source>
        <translation>Tumatakbo ulit ang {order} kasama ang mga binago mo.</translation>
    </message>
    <message>
        <source>{order} goes on without “{step}”.</source>
        <translation>Tuloy ang {order} nang wala ang “{step}”.</translation>
    </message>
    <message>
        <source>Cancel this order?</source>
        <translation>I-cancel ang order na ito?</translation>
    </message>
    <message>
        <source>{order} stops here and nothing after this step happens. Steps that already ran are not undone (a charge already made stays made).</source>
        <translation>Dito na titigil ang {order} at walang mangyayari sa mga susunod na hakbang. Hindi maibabalik ang mga hakbang na tapos na (ang nasingil na ay nasingil na).</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>I-cancel ang order</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>Panatilihin ang order</translation>
    </message>
    <message>
        <source>{order} was cancelled.</source>
        <translation>Na-cancel ang {order}.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Ginagawa…</translation>
    </message>
    <message>
        <source>{n} entries selected</source>
        <translation>{n} ang napili</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> at {n} pa</translation>
    </message>
    <message>
        <source>Each order is done on its own, and each is recorded with your name. An entry that cannot take the action (a decision to make) is left as it is and said below.</source>
        <translation>Isa-isang gagawin ang bawat order, at itatala ang bawat isa sa pangalan mo. Ang hindi puwedeng gawan nito (isang desisyong kailangang gawin) ay iiwan at sasabihin sa ibaba.</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>I-retry lahat</translation>
    </message>
    <message>
        <source>Skip all</source>
        <translation>I-skip lahat</translation>
    </message>
    <message>
        <source>Cancel all…</source>
        <translation>I-cancel lahat…</translation>
    </message>
    <message>
        <source>Cancel these orders?</source>
        <translation>I-cancel ang mga order na ito?</translation>
    </message>
    <message>
        <source>{n} orders stop here; steps that already ran are not undone.</source>
        <translation>Dito na titigil ang {n} order; hindi maibabalik ang mga hakbang na tapos na.</translation>
    </message>
    <message>
        <source>Cancel these orders</source>
        <translation>I-cancel ang mga order na ito</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Panatilihin ang mga ito</translation>
    </message>
    <message>
        <source>{n} order is running again.</source>
        <translation>{n} order ang tumatakbo ulit.</translation>
    </message>
    <message>
        <source>{n} orders are running again.</source>
        <translation>{n} order ang tumatakbo ulit.</translation>
    </message>
    <message>
        <source>{n} order goes on without its failed step.</source>
        <translation>{n} order ang tuloy nang wala ang pumalyang hakbang.</translation>
    </message>
    <message>
        <source>{n} orders go on without their failed steps.</source>
        <translation>{n} order ang tuloy nang wala ang mga pumalyang hakbang.</translation>
    </message>
    <message>
        <source>{n} order was cancelled.</source>
        <translation>{n} order ang na-cancel.</translation>
    </message>
    <message>
        <source>{n} orders were cancelled.</source>
        <translation>{n} order ang na-cancel.</translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation>Order {order}</translation>
    </message>
    <message>
        <source>The order of “{workflow}”</source>
        <translation>Ang order ng “{workflow}”</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Walang binago.</translation>
    </message>
    <message>
        <source>{done} Not done: {refused}</source>
        <translation>{done} Hindi nagawa: {refused}</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— pumili —</translation>
    </message>
    <message>
        <source>Error: {error}</source>
        <translation>Error: {error}</translation>
    </message>
    <message>
        <source>Attempt {number} at {time}: {outcome}</source>
        <translation>Subok {number} noong {time}: {outcome}</translation>
    </message>
    <message>
        <source> (look-up: {result})</source>
        <translation> (pagsuri: {result})</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Request:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Hakbang</translation>
    </message>
    <message>
        <source>Step type</source>
        <translation>Uri ng hakbang</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>Run id</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>Idempotency key</translation>
    </message>
    <message>
        <source>Reason recorded: {reason}</source>
        <translation>Nakatalang dahilan: {reason}</translation>
    </message>
    <message>
        <source>Nothing more is recorded.</source>
        <translation>Wala nang iba pang nakatala.</translation>
    </message>
    <message>
        <source>Do those steps again?</source>
        <translation>Gawin muli ang mga hakbang na iyon?</translation>
    </message>
    <message>
        <source>{said}

Do them again here? “Leave it as it is” leaves the order where it is; “Count as done” on the entry records them as done instead.</source>
        <translation>{said}

Gawin muli ang mga iyon dito? Iniiwan ng “Hayaan kung ano ito” ang order kung nasaan ito; ang “Ituring na tapos” sa entry ay nagtatala sa kanila bilang tapos sa halip.</translation>
    </message>
    <message>
        <source>Do them again</source>
        <translation>Gawin muli</translation>
    </message>
    <message>
        <source>Leave it as it is</source>
        <translation>Hayaan kung ano ito</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Needs you</source>
        <translation>Kailangan ka</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Mga Order</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Mga Workflow</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Mga Koneksyon</translation>
    </message>
    <message>
        <source>Intake health</source>
        <translation>Mga channel</translation>
    </message>
    <message>
        <source>Who did what</source>
        <translation>Sino ang gumawa</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Wika / Language:</translation>
    </message>
    <message>
        <source>Start Daloy when I log in</source>
        <translation>Buksan ang Daloy pag-log in ko</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit Daloy</source>
        <translation>&amp;Isara ang Daloy</translation>
    </message>
    <message>
        <source>Follow the system ({language})</source>
        <translation>Sundin ang system ({language})</translation>
    </message>
    <message>
        <source>Daloy {version} · data in {folder}</source>
        <translation>Daloy {version} · data sa {folder}</translation>
    </message>
    <message>
        <source>{needs_you}  ({n})</source>
        <translation>{needs_you}  ({n})</translation>
    </message>
    <message>
        <source>quitting Daloy</source>
        <translation>isasara ang Daloy</translation>
    </message>
    <message>
        <source>Daloy keeps working</source>
        <translation>Tuloy ang trabaho ng Daloy</translation>
    </message>
    <message>
        <source>Orders keep running in the background. Use the tray icon to open Daloy again or to quit.</source>
        <translation>Tuloy ang mga order sa background. Gamitin ang icon sa tray para buksan ulit ang Daloy o para isara ito.</translation>
    </message>
    <message>
        <source>Find an order</source>
        <translation>Maghanap ng order</translation>
    </message>
    <message>
        <source>New order typed in</source>
        <translation>Bagong order, mano-mano</translation>
    </message>
    <message>
        <source>Read the page again</source>
        <translation>Basahin ulit ang page</translation>
    </message>
    <message>
        <source>Go to {page} ({keys})</source>
        <translation>Pumunta sa {page} ({keys})</translation>
    </message>
    <message>
        <source>Go to {page}</source>
        <translation>Pumunta sa {page}</translation>
    </message>
</context>
<context>
    <name>NewOrder</name>
    <message>
        <source>This workflow checks no stock sheet: type the product codes.</source>
        <translation>Walang stock sheet na chine-check ang workflow na ito: i-type ang mga product code.</translation>
    </message>
    <message>
        <source>The product list could not be read: {error}</source>
        <translation>Hindi mabasa ang listahan ng produkto: {error}</translation>
    </message>
    <message>
        <source>in stock: {stock}</source>
        <translation>stock: {stock}</translation>
    </message>
    <message>
        <source>price: {price}</source>
        <translation>presyo: {price}</translation>
    </message>
    <message>
        <source>Demo order {number} started (nothing real is charged or sent).</source>
        <translation>Nagsimula ang demo order {number} (walang totoong sisingilin o ipapadala).</translation>
    </message>
    <message>
        <source>Order {number} was already started from this form.</source>
        <translation>Nasimulan na ang order {number} mula sa form na ito.</translation>
    </message>
    <message>
        <source>Order {number} is kept: “{workflow}” is switched off, so it waits and starts when the workflow is switched on.</source>
        <translation>Itinabi ang order {number}: naka-off ang “{workflow}”, kaya maghihintay ito at magsisimula pag na-on ang workflow.</translation>
    </message>
    <message>
        <source>Order {number} started.</source>
        <translation>Nagsimula ang order {number}.</translation>
    </message>
    <message>
        <source>It is not {offered}: another order typed in took that number meanwhile.</source>
        <translation>Hindi ito {offered}: may ibang order na na-type na kumuha na sa numerong iyon.</translation>
    </message>
    <message>
        <source>type a product code or name</source>
        <translation>i-type ang product code o pangalan</translation>
    </message>
    <message>
        <source>Remove this line</source>
        <translation>Tanggalin ang linyang ito</translation>
    </message>
    <message>
        <source>New order — typed in</source>
        <translation>Bagong order — mano-manong tina-type</translation>
    </message>
    <message>
        <source>For orders taken by phone or at the counter. The order runs through “{workflow}” like an order from any other channel, every step of it, from the stock check on.</source>
        <translation>Para sa mga order sa telepono o sa counter. Tatakbo ang order sa “{workflow}” gaya ng order mula sa ibang channel, bawat hakbang nito, simula sa pag-check ng stock.</translation>
    </message>
    <message>
        <source>for the confirmation</source>
        <translation>para sa kumpirmasyon</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Numero ng order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepono</translation>
    </message>
    <message>
        <source>What they ordered:</source>
        <translation>Ang inorder nila:</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>Magdagdag ng linya</translation>
    </message>
    <message>
        <source>Start order</source>
        <translation>Simulan ang order</translation>
    </message>
    <message>
        <source>Reading the products…</source>
        <translation>Binabasa ang mga produkto…</translation>
    </message>
    <message>
        <source>Demo: this order runs as a demo order; nothing real is charged or sent.</source>
        <translation>Demo: tatakbo ito bilang demo order; walang totoong sisingilin o ipapadala.</translation>
    </message>
    <message>
        <source>“{workflow}” is switched off: the order will wait until it is switched on.</source>
        <translation>Naka-off ang “{workflow}”: maghihintay ang order hanggang ma-on ito.</translation>
    </message>
    <message>
        <source>Give the order a number (any text you will recognise).</source>
        <translation>Bigyan ng numero ang order (kahit anong text na makikilala mo).</translation>
    </message>
    <message>
        <source>Type the customer&apos;s name.</source>
        <translation>I-type ang pangalan ng customer.</translation>
    </message>
    <message>
        <source>“{email}” is not an email address; correct it or leave it empty.</source>
        <translation>Hindi email address ang “{email}”; itama o iwanang blangko.</translation>
    </message>
    <message>
        <source>“{sku}” is not in the stock sheet; pick a product from the list.</source>
        <translation>Wala sa stock sheet ang “{sku}”; pumili ng produkto sa listahan.</translation>
    </message>
    <message>
        <source>Add at least one product to the order.</source>
        <translation>Magdagdag ng kahit isang produkto sa order.</translation>
    </message>
    <message>
        <source>Starting the order…</source>
        <translation>Sinisimulan ang order…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Isara</translation>
    </message>
</context>
<context>
    <name>OrderPage</name>
    <message>
        <source>The workflow of this order is not available.</source>
        <translation>Wala ang workflow ng order na ito.</translation>
    </message>
    <message>
        <source>Where this order is</source>
        <translation>Nasaan ang order na ito</translation>
    </message>
    <message>
        <source>Back to the step this order is at, large enough to read (F)</source>
        <translation>Balik sa hakbang kung nasaan ang order na ito, sapat ang laki para mabasa (F)</translation>
    </message>
    <message>
        <source>Whole workflow</source>
        <translation>Buong workflow</translation>
    </message>
    <message>
        <source>See every step of the workflow at once (F)</source>
        <translation>Makita nang sabay ang lahat ng hakbang ng workflow (F)</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Lahat ng order</translation>
    </message>
    <message>
        <source>Choose an order to see its steps.</source>
        <translation>Pumili ng order para makita ang mga hakbang nito.</translation>
    </message>
    <message>
        <source>Open in Needs you</source>
        <translation>Buksan sa Kailangan ka</translation>
    </message>
    <message>
        <source>Back to all orders ({keys})</source>
        <translation>Bumalik sa lahat ng order ({keys})</translation>
    </message>
    <message>
        <source>Order {order} · {workflow} (version {version})</source>
        <translation>Order {order} · {workflow} (version {version})</translation>
    </message>
    <message>
        <source>Order {order} · {workflow}</source>
        <translation>Order {order} · {workflow}</translation>
    </message>
    <message>
        <source>total {amount}</source>
        <translation>kabuuan {amount}</translation>
    </message>
    <message>
        <source>Waiting for you: {what}.</source>
        <translation>Naghihintay sa iyo: {what}.</translation>
    </message>
    <message>
        <source>Decide now</source>
        <translation>Magdesisyon na</translation>
    </message>
    <message>
        <source>Cancelled by the workflow: {note}</source>
        <translation>Na-cancel ng workflow: {note}</translation>
    </message>
    <message>
        <source>Cancelled by the workflow at “{step}”.</source>
        <translation>Na-cancel ng workflow sa “{step}”.</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Kabuuan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Lagay</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Dahilan</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Natanggap</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Mga Order</translation>
    </message>
    <message>
        <source>Find by number, customer, email, phone, product…</source>
        <translation>Hanapin ayon sa numero, customer, email, telepono, produkto…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Kahit anong lagay</translation>
    </message>
    <message>
        <source>Any workflow</source>
        <translation>Kahit anong workflow</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>I-export…</translation>
    </message>
    <message>
        <source>Save the orders this list shows as a CSV or Excel file.</source>
        <translation>I-save ang mga order sa listahang ito bilang CSV o Excel file.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Itigil</translation>
    </message>
    <message>
        <source>Export orders</source>
        <translation>I-export ang mga order</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Ine-export sa {path}…</translation>
    </message>
    <message>
        <source>Exported 1 order to {path}.</source>
        <translation>Na-export ang 1 order sa {path}.</translation>
    </message>
    <message>
        <source>Exported {n} orders to {path}.</source>
        <translation>Na-export ang {n} order sa {path}.</translation>
    </message>
    <message>
        <source>The export to {path} failed.</source>
        <translation>Pumalya ang pag-export sa {path}.</translation>
    </message>
</context>
<context>
    <name>ShopAuthorise</name>
    <message>
        <source>1. Enter the Partner ID and Partner key above. 2. Enter the Redirect URL registered for your app and make the link. 3. The shop&apos;s owner opens it, signs in to Shopee Seller Centre and approves. 4. Paste the address the browser then shows (it holds the code and the shop ID) below.</source>
        <translation>1. Ilagay sa itaas ang Partner ID at Partner key. 2. Ilagay ang Redirect URL na naka-register para sa app mo at gawin ang link. 3. Bubuksan ito ng may-ari ng shop, magsa-sign in sa Shopee Seller Centre at papayag. 4. I-paste sa ibaba ang address na ipapakita ng browser pagkatapos (nandoon ang code at ang shop ID).</translation>
    </message>
    <message>
        <source>1. Enter the App key and App secret above. 2. Enter the Callback URL registered for your app and make the link. 3. The shop&apos;s owner opens it, signs in as the seller and approves. 4. Paste the address the browser then shows (it holds the code) below.</source>
        <translation>1. Ilagay sa itaas ang App key at App secret. 2. Ilagay ang Callback URL na naka-register para sa app mo at gawin ang link. 3. Bubuksan ito ng may-ari ng shop, magsa-sign in bilang seller at papayag. 4. I-paste sa ibaba ang address na ipapakita ng browser pagkatapos (nandoon ang code).</translation>
    </message>
    <message>
        <source>Authorise the shop…</source>
        <translation>I-authorise ang shop…</translation>
    </message>
    <message>
        <source>https://… — the Redirect URL registered for your app</source>
        <translation>https://… — ang Redirect URL na naka-register para sa app mo</translation>
    </message>
    <message>
        <source>Return address</source>
        <translation>Return address</translation>
    </message>
    <message>
        <source>Make the link</source>
        <translation>Gawin ang link</translation>
    </message>
    <message>
        <source>the link for the shop&apos;s owner appears here</source>
        <translation>dito lalabas ang link para sa may-ari ng shop</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopyahin</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Buksan sa browser</translation>
    </message>
    <message>
        <source>Authorisation link</source>
        <translation>Link ng authorisation</translation>
    </message>
    <message>
        <source>paste the code, or the whole address the browser showed</source>
        <translation>i-paste ang code, o ang buong address na ipinakita ng browser</translation>
    </message>
    <message>
        <source>Code from the platform</source>
        <translation>Code mula sa platform</translation>
    </message>
    <message>
        <source>Finish authorisation</source>
        <translation>Tapusin ang authorisation</translation>
    </message>
    <message>
        <source>Give the connection a name first (the shop&apos;s tokens are kept under it).</source>
        <translation>Bigyan muna ng pangalan ang koneksyon (doon itinatabi ang mga token ng shop).</translation>
    </message>
    <message>
        <source>Send this link to the shop&apos;s owner, or open it here if that is you; it works for a few minutes.</source>
        <translation>Ipadala ang link na ito sa may-ari ng shop, o buksan dito kung ikaw iyon; gumagana ito nang ilang minuto lang.</translation>
    </message>
    <message>
        <source>Making the link…</source>
        <translation>Ginagawa ang link…</translation>
    </message>
    <message>
        <source>Authorising the shop…</source>
        <translation>Ina-authorise ang shop…</translation>
    </message>
</context>
<context>
    <name>ShopMenu</name>
    <message>
        <source>Daloy — Demo shop (sample orders, nothing real is contacted)</source>
        <translation>Daloy — Demo shop (mga sample na order, walang totoong kinokontak)</translation>
    </message>
    <message>
        <source>Demo: these orders are samples. Nothing real is charged, emailed or changed. Resolve what appears under “Needs you”; when you are ready, use Shop ▸ Set up my shop… to take real orders.</source>
        <translation>Demo: sample lang ang mga order na ito. Walang totoong sinisingil, ine-email o binabago. Ayusin ang lalabas sa “Kailangan ka”; pag handa ka na, gamitin ang Shop ▸ I-set up ang shop ko… para tumanggap ng totoong order.</translation>
    </message>
    <message>
        <source>&amp;Shop</source>
        <translation>&amp;Shop</translation>
    </message>
    <message>
        <source>Set up my shop…</source>
        <translation>I-set up ang shop ko…</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Subukan ang demo</translation>
    </message>
    <message>
        <source>New order by hand…</source>
        <translation>Bagong order, mano-mano…</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Bagong order</translation>
    </message>
    <message>
        <source>Type in an order taken by phone or at the counter.</source>
        <translation>I-type ang order na natanggap sa telepono o sa counter.</translation>
    </message>
    <message>
        <source>The demo could not start: {error}</source>
        <translation>Hindi makapagsimula ang demo: {error}</translation>
    </message>
</context>
<context>
    <name>SystemDown</name>
    <message>
        <source>Try now</source>
        <translation>Subukan ngayon</translation>
    </message>
    <message>
        <source>Keep waiting</source>
        <translation>Maghintay pa</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>I-retry lahat</translation>
    </message>
    <message>
        <source>Cancel all…</source>
        <translation>I-cancel lahat…</translation>
    </message>
    <message>
        <source>Daloy tries the system now.</source>
        <translation>Susubukan ng Daloy ang system ngayon.</translation>
    </message>
    <message>
        <source>Daloy keeps waiting and tries the system now and then.</source>
        <translation>Maghihintay pa ang Daloy at susubukan ang system paminsan-minsan.</translation>
    </message>
    <message>
        <source>The waiting orders go on now, oldest first.</source>
        <translation>Tuloy na ang mga naghihintay na order, una ang pinakaluma.</translation>
    </message>
    <message>
        <source>The waiting orders were cancelled.</source>
        <translation>Na-cancel ang mga naghihintay na order.</translation>
    </message>
    <message>
        <source>Cancel every waiting order?</source>
        <translation>I-cancel ang lahat ng naghihintay na order?</translation>
    </message>
    <message>
        <source>Every order waiting for this system stops here; steps that already ran are not undone (a charge made stays made).</source>
        <translation>Dito na titigil ang bawat order na naghihintay sa system na ito; hindi maibabalik ang mga hakbang na tapos na (ang nasingil na ay nasingil na).</translation>
    </message>
    <message>
        <source>Cancel every waiting order</source>
        <translation>I-cancel ang bawat naghihintay na order</translation>
    </message>
    <message>
        <source>Keep them waiting</source>
        <translation>Hayaang maghintay</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>{n} of {most}</source>
        <translation>{n} sa {most}</translation>
    </message>
    <message>
        <source>Started: {time}</source>
        <translation>Nagsimula: {time}</translation>
    </message>
    <message>
        <source>Finished: {time}</source>
        <translation>Natapos: {time}</translation>
    </message>
    <message>
        <source>Given:</source>
        <translation>Ibinigay:</translation>
    </message>
    <message>
        <source>Produced:</source>
        <translation>Nagawa:</translation>
    </message>
    <message>
        <source>Went on by: {port}</source>
        <translation>Tumuloy sa: {port}</translation>
    </message>
    <message>
        <source>Done {time}: {what}.</source>
        <translation>Tapos na {time}: {what}.</translation>
    </message>
    <message>
        <source>It goes on by itself: nothing to do for now.</source>
        <translation>Kusa itong magpapatuloy: wala ka pang kailangang gawin.</translation>
    </message>
    <message>
        <source>Daloy tries again by itself {time}: nothing to do for now.</source>
        <translation>Susubukan ulit ito ng Daloy nang kusa {time}: wala ka pang kailangang gawin.</translation>
    </message>
    <message>
        <source>Working on it since {time}.</source>
        <translation>Tumatakbo mula {time}.</translation>
    </message>
    <message>
        <source>About to start.</source>
        <translation>Magsisimula na.</translation>
    </message>
    <message>
        <source>Skipped: the order went on without this step.</source>
        <translation>Na-skip: tumuloy ang order nang wala ang hakbang na ito.</translation>
    </message>
    <message>
        <source>Not done: the order was cancelled.</source>
        <translation>Hindi nagawa: na-cancel ang order.</translation>
    </message>
    <message>
        <source>Not started yet: it waits for the steps before it.</source>
        <translation>Hindi pa nagsisimula: hinihintay nito ang mga naunang hakbang.</translation>
    </message>
    <message>
        <source>Chosen: {choice}</source>
        <translation>Pinili: {choice}</translation>
    </message>
    <message>
        <source>Answer: yes</source>
        <translation>Sagot: oo</translation>
    </message>
    <message>
        <source>Answer: no</source>
        <translation>Sagot: hindi</translation>
    </message>
    <message>
        <source>Since {time}.</source>
        <translation>Mula {time}.</translation>
    </message>
    <message>
        <source>What to do: {next}</source>
        <translation>Ang gagawin: {next}</translation>
    </message>
    <message>
        <source>Problem: {error}</source>
        <translation>Problema: {error}</translation>
    </message>
    <message>
        <source>Attempt {number} at {time}: {outcome}</source>
        <translation>Subok {number} noong {time}: {outcome}</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Wala pang nakatala.</translation>
    </message>
    <message>
        <source>Technical detail</source>
        <translation>Teknikal na detalye</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Hakbang</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Lagay</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Subok</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Oras</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>{n} decision to make</source>
        <translation>{n} desisyong gagawin</translation>
    </message>
    <message>
        <source>{n} decisions to make</source>
        <translation>{n} desisyong gagawin</translation>
    </message>
    <message>
        <source>{n} failed step</source>
        <translation>{n} pumalyang hakbang</translation>
    </message>
    <message>
        <source>{n} failed steps</source>
        <translation>{n} pumalyang hakbang</translation>
    </message>
    <message>
        <source>{n} unreadable order</source>
        <translation>{n} order na hindi mabasa</translation>
    </message>
    <message>
        <source>{n} unreadable orders</source>
        <translation>{n} order na hindi mabasa</translation>
    </message>
    <message>
        <source>{n} channel down</source>
        <translation>{n} channel na down</translation>
    </message>
    <message>
        <source>{n} channels down</source>
        <translation>{n} channel na down</translation>
    </message>
    <message>
        <source>{n} system down</source>
        <translation>{n} system na down</translation>
    </message>
    <message>
        <source>{n} systems down</source>
        <translation>{n} system na down</translation>
    </message>
    <message>
        <source>{n} alert</source>
        <translation>{n} alerto</translation>
    </message>
    <message>
        <source>{n} alerts</source>
        <translation>{n} alerto</translation>
    </message>
    <message>
        <source>Daloy: a channel or system is down</source>
        <translation>Daloy: may channel o system na down</translation>
    </message>
    <message>
        <source>Daloy: {n} waiting for you</source>
        <translation>Daloy: {n} ang naghihintay sa iyo</translation>
    </message>
    <message>
        <source>Daloy: all is well</source>
        <translation>Daloy: ayos lahat</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buksan</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Isara</translation>
    </message>
    <message>
        <source>{n} new in Needs you</source>
        <translation>{n} bago sa Kailangan ka</translation>
    </message>
    <message>
        <source>Your desktop has no system tray, so Daloy shows its alerts here, at the top of the window.</source>
        <translation>Walang system tray ang desktop mo, kaya dito ipinapakita ng Daloy ang mga alerto nito, sa itaas ng window.</translation>
    </message>
    <message>
        <source>Nothing waiting for you</source>
        <translation>Walang naghihintay sa iyo</translation>
    </message>
    <message>
        <source>Open Daloy</source>
        <translation>Buksan ang Daloy</translation>
    </message>
    <message>
        <source>Pause intake</source>
        <translation>I-pause ang pagpasok</translation>
    </message>
    <message>
        <source>Quit Daloy</source>
        <translation>Isara ang Daloy</translation>
    </message>
    <message>
        <source>Resume intake</source>
        <translation>Ituloy ang pagpasok</translation>
    </message>
    <message>
        <source>{n} waiting for you</source>
        <translation>{n} ang naghihintay sa iyo</translation>
    </message>
    <message>
        <source>{who}: needs you</source>
        <translation>{who}: kailangan ka</translation>
    </message>
    <message>
        <source>{n} orders waiting</source>
        <translation>{n} order ang naghihintay</translation>
    </message>
    <message>
        <source>{title}: {reason}</source>
        <translation>{title}: {reason}</translation>
    </message>
    <message>
        <source>Your desktop has no system tray, so once this window is closed Daloy has no icon to come back to.

Keep working in the background: orders keep coming in and running. To get the window back, start Daloy again from your applications menu; the running Daloy opens its window.

Quit: Daloy stops; orders wait for the next start.</source>
        <translation>Walang system tray ang desktop mo, kaya kapag isinara ang window na ito, walang icon na mababalikan ang Daloy.

Tuloy sa background: tuloy ang pagpasok at pagtakbo ng mga order. Para makita ulit ang window, buksan ulit ang Daloy mula sa menu ng mga application; bubuksan ng tumatakbong Daloy ang window nito.

Isara: titigil ang Daloy; maghihintay ang mga order hanggang sa susunod na bukas.</translation>
    </message>
    <message>
        <source>Keep Daloy working?</source>
        <translation>Ituloy ang trabaho ng Daloy?</translation>
    </message>
    <message>
        <source>Keep working in the background</source>
        <translation>Ituloy sa background</translation>
    </message>
</context>
<context>
    <name>WebAddresses</name>
    <message>
        <source>Post orders to</source>
        <translation>I-post ang mga order sa</translation>
    </message>
    <message>
        <source>Order form page</source>
        <translation>Page ng order form</translation>
    </message>
    <message>
        <source>Copied: {address}</source>
        <translation>Nakopya: {address}</translation>
    </message>
    <message>
        <source>From phones and other computers on the shop&apos;s Wi-Fi:</source>
        <translation>Mula sa mga phone at ibang computer sa Wi-Fi ng tindahan:</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Ipakita</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopyahin</translation>
    </message>
    <message>
        <source>New token…</source>
        <translation>Bagong token…</translation>
    </message>
    <message>
        <source>Signing key (HMAC)</source>
        <translation>Signing key (HMAC)</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Copy example</source>
        <translation>Kopyahin ang halimbawa</translation>
    </message>
    <message>
        <source>Example request</source>
        <translation>Halimbawang request</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Itago</translation>
    </message>
    <message>
        <source>&lt;token: press Reveal&gt;</source>
        <translation>&lt;token: pindutin ang Ipakita&gt;</translation>
    </message>
    <message>
        <source>Token copied.</source>
        <translation>Nakopya ang token.</translation>
    </message>
    <message>
        <source>Example request copied.</source>
        <translation>Nakopya ang halimbawang request.</translation>
    </message>
    <message>
        <source>Make a new token?</source>
        <translation>Gumawa ng bagong token?</translation>
    </message>
    <message>
        <source>Make a new token for {address}? Whoever sends orders there with the old token is refused from now on, until they use the new one.</source>
        <translation>Gumawa ng bagong token para sa {address}? Tatanggihan na mula ngayon ang sinumang magpapadala ng order doon gamit ang lumang token, hanggang gamitin nila ang bago.</translation>
    </message>
    <message>
        <source>Make a new token</source>
        <translation>Gumawa ng bagong token</translation>
    </message>
    <message>
        <source>Keep the old token</source>
        <translation>Panatilihin ang lumang token</translation>
    </message>
    <message>
        <source>New token saved; the old one no longer works.</source>
        <translation>Na-save ang bagong token; hindi na gumagana ang luma.</translation>
    </message>
    <message>
        <source>No web addresses yet: a switched-on workflow with a webhook trigger gets one here, to receive orders from a website or another system.</source>
        <translation>Wala pang web address: dito magkakaroon ng isa ang naka-on na workflow na may webhook trigger, para tumanggap ng order mula sa website o ibang system.</translation>
    </message>
    <message>
        <source>Who can reach these addresses</source>
        <translation>Sino ang makakabukas ng mga address na ito</translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation>Ang computer na ito lang</translation>
    </message>
    <message>
        <source>Computers and phones on this shop&apos;s network (Wi-Fi / LAN)</source>
        <translation>Mga computer at phone sa network ng tindahang ito (Wi-Fi / LAN)</translation>
    </message>
    <message>
        <source>This is set outside Daloy, by whoever installed it on this computer (DALOY_WEB_HOST), so it cannot be changed here.</source>
        <translation>Itinakda ito sa labas ng Daloy, ng nag-install nito sa computer na ito (DALOY_WEB_HOST), kaya hindi ito mababago dito.</translation>
    </message>
    <message>
        <source>Only this computer can open these addresses. To let phones and other computers on the shop&apos;s Wi-Fi use the order form, choose the shop&apos;s network.</source>
        <translation>Ang computer na ito lang ang makakabukas ng mga address na ito. Para magamit ng mga phone at ibang computer sa Wi-Fi ng tindahan ang order form, piliin ang network ng tindahan.</translation>
    </message>
    <message>
        <source>Anyone on the shop&apos;s Wi-Fi can now open the order form.</source>
        <translation>Mabubuksan na ng kahit sino sa Wi-Fi ng tindahan ang order form.</translation>
    </message>
    <message>
        <source>This computer is not on a network right now: connect it to the shop&apos;s Wi-Fi or network cable, then open this tab again.</source>
        <translation>Hindi nakakonekta sa network ang computer na ito ngayon: ikonekta ito sa Wi-Fi o network cable ng tindahan, saka buksan ulit ang tab na ito.</translation>
    </message>
    <message>
        <source>Customers outside the shop (on mobile data, at home) still cannot reach it; to put the form on the internet, ask your internet provider or a web person to forward it to this computer.</source>
        <translation>Hindi pa rin ito mabubuksan ng mga customer na nasa labas ng tindahan (naka-mobile data, nasa bahay); para mailagay ang form sa internet, magpatulong sa internet provider mo o sa kakilalang IT na i-forward ito sa computer na ito.</translation>
    </message>
    <message>
        <source>Daloy could not change who can reach the web addresses: {error}. Nothing changed; if another program uses port {port}, close it (or restart the computer) and try again.</source>
        <translation>Hindi nabago ng Daloy kung sino ang makakabukas ng mga web address: {error}. Walang nabago; kung may ibang program na gumagamit ng port {port}, isara ito (o i-restart ang computer) at subukan ulit.</translation>
    </message>
</context>
<context>
    <name>WebReady</name>
    <message>
        <source>Your order form is ready — Daloy</source>
        <translation>Handa na ang order form mo — Daloy</translation>
    </message>
    <message>
        <source>Customers fill in your order form at:</source>
        <translation>Dito sinasagutan ng mga customer ang order form mo:</translation>
    </message>
    <message>
        <source>Phones and computers on the shop&apos;s Wi-Fi can open it at the addresses above; customers outside the shop cannot.</source>
        <translation>Mabubuksan ito ng mga phone at computer sa Wi-Fi ng tindahan sa mga address sa itaas; hindi ito mabubuksan ng mga customer na nasa labas ng tindahan.</translation>
    </message>
    <message>
        <source>Right now only this computer can open it. To let phones on the shop&apos;s Wi-Fi use it, choose “Computers and phones on this shop&apos;s network” under Connections ▸ Web addresses.</source>
        <translation>Sa ngayon, ang computer na ito lang ang makakabukas nito. Para magamit ito ng mga phone sa Wi-Fi ng tindahan, piliin ang “Mga computer at phone sa network ng tindahang ito” sa Mga Koneksyon ▸ Mga web address.</translation>
    </message>
    <message>
        <source>Open the order form</source>
        <translation>Buksan ang order form</translation>
    </message>
    <message>
        <source>Web addresses…</source>
        <translation>Mga web address…</translation>
    </message>
    <message>
        <source>Let phones on the Wi-Fi use it…</source>
        <translation>Ipagamit sa mga phone sa Wi-Fi…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Isara</translation>
    </message>
</context>
<context>
    <name>When</name>
    <message>
        <source>Today {time}</source>
        <translation>Ngayon {time}</translation>
    </message>
    <message>
        <source>Yesterday {time}</source>
        <translation>Kahapon {time}</translation>
    </message>
    <message>
        <source>Tomorrow {time}</source>
        <translation>Bukas {time}</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>today at {time}</source>
        <translation>ngayong araw, {time}</translation>
    </message>
    <message>
        <source>yesterday at {time}</source>
        <translation>kahapon, {time}</translation>
    </message>
    <message>
        <source>tomorrow at {time}</source>
        <translation>bukas, {time}</translation>
    </message>
    <message>
        <source>{date} at {time}</source>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>kahapon {time}</translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation>bukas {time}</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 segundo</translation>
    </message>
    <message>
        <source>{n} seconds</source>
        <translation>{n} segundo</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minuto</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} minuto</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 oras</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} oras</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 araw</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} araw</translation>
    </message>
    <message>
        <source>{bigger} {smaller}</source>
        <translation>{bigger} at {smaller}</translation>
    </message>
    <message>
        <source>less than a second</source>
        <translation>saglit lang</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ngayon lang</translation>
    </message>
    <message>
        <source>{time} ago</source>
        <translation>{time} ang nakalipas</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Waiting for earlier steps</source>
        <translation>Hinihintay ang nauna</translation>
    </message>
    <message>
        <source>About to run</source>
        <translation>Patakbo na</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Tumatakbo</translation>
    </message>
    <message>
        <source>Waiting to try again</source>
        <translation>Maghihintay bago i-retry</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Na-skip</translation>
    </message>
    <message>
        <source>A step failed</source>
        <translation>May pumalyang hakbang</translation>
    </message>
    <message>
        <source>A decision is needed</source>
        <translation>Kailangan ng desisyon</translation>
    </message>
    <message>
        <source>An order could not be read</source>
        <translation>May order na hindi mabasa</translation>
    </message>
    <message>
        <source>A channel is down</source>
        <translation>May channel na down</translation>
    </message>
    <message>
        <source>A system is down</source>
        <translation>May system na down</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Kahit kailan</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Ngayong araw</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Nakaraang 7 araw</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Nakaraang 30 araw</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(wala)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(wala)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oo</translation>
    </message>
    <message>
        <source>no</source>
        <translation>hindi</translation>
    </message>
</context>
</TS>
