<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fil">
<context>
    <name>App</name>
    <message>
        <source>Daloy is already running; its window was brought forward.</source>
        <translation>Tumatakbo na ang Daloy; inilabas na ang window nito.</translation>
    </message>
</context>
<context>
    <name>Health</name>
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
        <source>No intake channels yet. Orders started by hand, from the command line or from a practice run appear under Orders.</source>
        <translation>Wala pang channel ng order. Ang mga order na sinimulan nang mano-mano, mula sa command line o mula sa practice run ay makikita sa Mga Order.</translation>
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
        <source>Resolved by {who} at {time}.</source>
        <translation>Inayos ni {who} noong {time}.</translation>
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
        <translation>Magdesisyon bago mag-{time}</translation>
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
        <translation>Wika:</translation>
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
</context>
<context>
    <name>OrderPage</name>
    <message>
        <source>The workflow of this order is not available.</source>
        <translation>Wala ang workflow ng order na ito.</translation>
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
        <source>Order {order} · {workflow} (version {version})</source>
        <translation>Order {order} · {workflow} (bersyon {version})</translation>
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
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>{n} of {most}</source>
        <translation>{n} sa {most}</translation>
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
        <source>Done</source>
        <translation>Tapos na</translation>
    </message>
    <message>
        <source>Waiting to try again</source>
        <translation>Maghihintay bago i-retry</translation>
    </message>
    <message>
        <source>Needs you</source>
        <translation>Kailangan ka</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Na-skip</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Na-cancel</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Tumatakbo</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Naghihintay</translation>
    </message>
    <message>
        <source>Demo order</source>
        <translation>Demo order</translation>
    </message>
    <message>
        <source>Practice run</source>
        <translation>Practice run</translation>
    </message>
    <message>
        <source>{kind}, {state}</source>
        <translation>{kind}, {state}</translation>
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
        <source>just now</source>
        <translation>ngayon lang</translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation>{minutes} min ang nakalipas</translation>
    </message>
    <message>
        <source>{hours} h ago</source>
        <translation>{hours} oras ang nakalipas</translation>
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
