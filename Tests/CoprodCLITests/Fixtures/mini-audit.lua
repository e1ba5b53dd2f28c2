-- A small framework for testing the batch runner's mechanics, with rules that misbehave for two
-- organisations on purpose, and take their time over those named "Slow ...".
return framework {
  id = "mini-audit", title = "Mini audit", publisher = "coprod tests",
  scale = ordinal { min = 1, max = 5, labels = { "No action yet", "Made a start", "Making progress",
    "Doing really well", "Doing as well as you can" } },
  section "assets" { title = "Assets",
    statement "assets.1" "You acknowledge that everyone has skills.",
    statement "assets.2" "You find ways to use and develop their assets.",
    statement "assets.3" "You value everyone's contribution.",
    reflect "assets.reflect" "What would help you to improve in this area?",
  },
  section "networks" { title = "Networks",
    statement "networks.1" "You help people become part of supportive peer networks.",
    statement "networks.2" "You help people to make connections.",
    statement "networks.3" "You use these networks to make positive change happen.",
  },
  rules = {
    next_steps = function(result, defaults)
      if result.organisation == "Faulty" then error("this rule fails for Faulty") end
      if result.organisation == "Loopy" then while true do end end
      if result.organisation:match("^Slow ") then for _ = 1, 300000 do end end
      return defaults
    end,
  },
}
