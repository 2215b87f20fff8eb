<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>Commands</name>
    <message>
        <location filename="../editor/commands/commands.cpp" line="+33"/>
        <source>Accept %1 at frames %2-%3</source>
        <translation>フレーム %2-%3 の %1 を承認</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reject %1 at frames %2-%3</source>
        <translation>フレーム %2-%3 の %1 を却下</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Edit %1 span</source>
        <translation>%1 の範囲を編集</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Add %1 at frames %2-%3</source>
        <translation>フレーム %2-%3 に %1 を追加</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Erase labels</source>
        <translation>ラベルを消去</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paint %1 labels</source>
        <translation>「%1」ラベルを描画</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Delete frames %1-%2</source>
        <translation>フレーム %1-%2 を削除</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../editor/reviewcontroller.cpp" line="+154"/>
        <source>in-betweened</source>
        <translation>中割り済み</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>completed</source>
        <translation>補完済み</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>filtered</source>
        <translation>フィルター適用済み</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>feet locked</source>
        <translation>足を固定済み</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Frames %1-%2 %3</source>
        <translation>フレーム %1-%2 %3</translation>
    </message>
</context>
<context>
    <name>mm::app::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+58"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open...</source>
        <translation>開く(&amp;O)...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Frame All</source>
        <translation>全体を表示(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Playback</source>
        <translation>再生(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+101"/>
        <source>&amp;Play</source>
        <translation>再生(&amp;P)</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>&amp;Next Frame</source>
        <translation>次のフレーム(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;revious Frame</source>
        <translation>前のフレーム(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;First Frame</source>
        <translation>最初のフレーム(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Last Frame</source>
        <translation>最後のフレーム(&amp;L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Transport</source>
        <translation>トランスポート</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Motion files (%1)</source>
        <translation>モーションファイル (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Motion</source>
        <translation>モーションを開く</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open %1</source>
        <translation>%1 を開けません</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 - MotionMender</source>
        <translation>%1 - MotionMender</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MotionMender</source>
        <translation>MotionMender</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no clip</source>
        <translation>クリップなし</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>frame %1 / %2  (%3 fps)</source>
        <translation>フレーム %1 / %2  (%3 fps)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause (Space)</source>
        <translation>一時停止 (スペース)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play (Space)</source>
        <translation>再生 (スペース)</translation>
    </message>
</context>
<context>
    <name>mm::app::Screenshot</name>
    <message>
        <location filename="../app/gui/screenshot.cpp" line="+28"/>
        <source>the 3D view rendered no frame within %1 s</source>
        <translation>3D ビューが %1 秒以内にフレームを描画しませんでした</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>cannot write %1</source>
        <translation>%1 に書き込めません</translation>
    </message>
</context>
<context>
    <name>mm::app::Translations</name>
    <message>
        <location filename="../app/gui/translations.cpp" line="+66"/>
        <source>No translation for &quot;%1&quot;; using English.</source>
        <translation>「%1」の翻訳がありません。英語を使用します。</translation>
    </message>
</context>
<context>
    <name>mm::editor::ArtifactListModel</name>
    <message>
        <location filename="../editor/artifactlistmodel.cpp" line="+67"/>
        <source>%1-%2</source>
        <translation>%1-%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>部位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>変化量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
</context>
<context>
    <name>mm::editor::ProjectSession</name>
    <message>
        <location filename="../editor/projectsession.cpp" line="+107"/>
        <source>no project is open</source>
        <translation>プロジェクトが開かれていません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the project has no take %2</source>
        <translation>%1: プロジェクトにテイク %2 がありません</translation>
    </message>
</context>
<context>
    <name>mm::editor::ReviewController</name>
    <message>
        <location filename="../editor/reviewcontroller.cpp" line="-109"/>
        <source>Analysing</source>
        <translation>解析中</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Proposing a fix</source>
        <translation>修正案を作成中</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Proposing fixes</source>
        <translation>修正案を作成中 (複数)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Repairing the selection</source>
        <translation>選択範囲を修復中</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Accept all %1</source>
        <translation>すべての %1 を承認</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Revert frames %1-%2 to the original</source>
        <translation>フレーム %1-%2 を元のデータに戻す</translation>
    </message>
</context>
<context>
    <name>mm::editor::TakeQueueModel</name>
    <message>
        <location filename="../editor/takequeuemodel.cpp" line="+46"/>
        <source>%1 (%2 s)</source>
        <translation>%1 (%2 秒)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>作業中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Take</source>
        <translation>テイク</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames</source>
        <translation>フレーム数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 done</source>
        <translation>%1 / %2 完了</translation>
    </message>
</context>
</TS>
