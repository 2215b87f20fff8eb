<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Commands</name>
    <message>
        <location filename="../editor/commands/commands.cpp" line="+33"/>
        <source>Accept %1 at frames %2-%3</source>
        <translation>接受第 %2-%3 帧的 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reject %1 at frames %2-%3</source>
        <translation>拒绝第 %2-%3 帧的 %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Edit %1 span</source>
        <translation>编辑 %1 区间</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Add %1 at frames %2-%3</source>
        <translation>在第 %2-%3 帧添加 %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Erase labels</source>
        <translation>擦除标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paint %1 labels</source>
        <translation>绘制“%1”标签</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Delete frames %1-%2</source>
        <translation>删除第 %1-%2 帧</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../editor/reviewcontroller.cpp" line="+154"/>
        <source>in-betweened</source>
        <translation>已补间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>completed</source>
        <translation>已补全</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>filtered</source>
        <translation>已滤波</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>feet locked</source>
        <translation>已锁定脚步</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Frames %1-%2 %3</source>
        <translation>第 %1-%2 帧%3</translation>
    </message>
</context>
<context>
    <name>mm::app::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+58"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Frame All</source>
        <translation>显示全部(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+101"/>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>&amp;Next Frame</source>
        <translation>下一帧(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;revious Frame</source>
        <translation>上一帧(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;First Frame</source>
        <translation>第一帧(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Last Frame</source>
        <translation>最后一帧(&amp;L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Transport</source>
        <translation>播放控制</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Motion files (%1)</source>
        <translation>动作文件 (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Motion</source>
        <translation>打开动作文件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Untitled</source>
        <translation>未命名</translation>
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
        <translation>无片段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>frame %1 / %2  (%3 fps)</source>
        <translation>帧 %1 / %2  (%3 fps)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause (Space)</source>
        <translation>暂停 (空格键)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play (Space)</source>
        <translation>播放 (空格键)</translation>
    </message>
</context>
<context>
    <name>mm::app::Screenshot</name>
    <message>
        <location filename="../app/gui/screenshot.cpp" line="+28"/>
        <source>the 3D view rendered no frame within %1 s</source>
        <translation>3D 视图在 %1 秒内没有渲染出任何帧</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>mm::app::Translations</name>
    <message>
        <location filename="../app/gui/translations.cpp" line="+66"/>
        <source>No translation for &quot;%1&quot;; using English.</source>
        <translation>没有“%1”的翻译，将使用英文。</translation>
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
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>部位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>变化量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>审核结果</translation>
    </message>
</context>
<context>
    <name>mm::editor::ProjectSession</name>
    <message>
        <location filename="../editor/projectsession.cpp" line="+107"/>
        <source>no project is open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the project has no take %2</source>
        <translation>%1：项目中没有镜次 %2</translation>
    </message>
</context>
<context>
    <name>mm::editor::ReviewController</name>
    <message>
        <location filename="../editor/reviewcontroller.cpp" line="-109"/>
        <source>Analysing</source>
        <translation>正在分析</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Proposing a fix</source>
        <translation>正在生成修复建议</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Proposing fixes</source>
        <translation>正在生成多个修复建议</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Repairing the selection</source>
        <translation>正在修复选区</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Accept all %1</source>
        <translation>接受全部 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Revert frames %1-%2 to the original</source>
        <translation>将第 %1-%2 帧还原为原始数据</translation>
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
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Take</source>
        <translation>镜次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
</context>
</TS>
