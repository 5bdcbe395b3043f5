// Material's two inline scripts (partials/javascripts/base.html and content.html), kept as a file so the
// Content-Security-Policy needs no inline script. The site's root is the folder above assets/.
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
document.addEventListener("DOMContentLoaded",function(){var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))})
// The print button of an article (partials/print.html), hidden until a script can use it.
document.addEventListener("DOMContentLoaded",function(){document.querySelectorAll("[data-cchc-print]").forEach(function(b){b.hidden=false;b.addEventListener("click",function(){window.print()})})})
